package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeries;

import dev.zonecost.engine.ByteSources;
import dev.zonecost.promql.Scope;

/** Is Retina's pod-level byte metric in the window at all. */
public final class ForwardBytesCheck implements Check {
  public static final String NAME = "retina metric";

  public static String query(Scope scope, String range) {
    return countSeries(scope.counter(), range);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    long n = ctx.number(query(ctx.scope(), ctx.range()));
    String metric = ctx.scope().names().forwardBytes(); // the user's --metric, not the default
    ctx.forwardSeries = n;
    if (!ctx.source.equals(ByteSources.AUTO) && ctx.readsOtherSource()) {
      return CheckResult.info(NAME, metric + ": " + n + " series; " + ctx.notRead())
          .with("series", n);
    }
    if (n == 0 && ctx.sourcesWithData > 0) {
      return CheckResult.warn(
              NAME,
              metric + ": no series in the window; another byte source has data (see byte sources)",
              "report with --source auto (the default) or the source named above; the Retina"
                  + " checks below are skipped")
          .with("series", 0L);
    }
    if (n == 0) {
      return CheckResult.fail(NAME, metric + ": no series in the window", Fixes.RETINA_POD_LEVEL)
          .with("series", 0L)
          .hint(FixHint.RETINA_POD_LEVEL);
    }
    return CheckResult.ok(NAME, metric + ": " + n + " series").with("series", n);
  }
}
