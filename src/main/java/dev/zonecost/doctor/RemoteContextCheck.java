package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeries;

import dev.zonecost.promql.Scope;

/** Do Retina's series name both pods of a pair (remote context), or only the local pod. */
public final class RemoteContextCheck implements Check {
  public static final String NAME = "remote context";

  public static String query(Scope scope, String range) {
    return countSeries(scope.counter("source_podname!=\"\",destination_podname!=\"\""), range);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.readsOtherSource()) {
      return CheckResult.info(NAME, ctx.notRead());
    }
    if (!ctx.hasRetinaSeries()) {
      return CheckResult.fail(NAME, DoctorContext.NO_RETINA_SERIES, Fixes.RETINA_POD_LEVEL);
    }
    long n = ctx.number(query(ctx.scope(), ctx.range()));
    ctx.remoteContext = n > 0;
    if (n == 0) {
      return CheckResult.fail(
              NAME,
              "no series has both source_podname and destination_podname (local context only)",
              Fixes.RETINA_REMOTE_CONTEXT)
          .with("series", ctx.forwardSeries)
          .with("remoteContextSeries", 0L)
          .hint(FixHint.RETINA_POD_LEVEL);
    }
    String measured =
        n + " of " + ctx.forwardSeries + " series carry source_podname and destination_podname";
    if (n < ctx.forwardSeries) {
      return CheckResult.warn(
              NAME,
              measured,
              "some agents run without remote context: " + Fixes.RETINA_REMOTE_CONTEXT)
          .with("series", ctx.forwardSeries)
          .with("remoteContextSeries", n)
          .hint(FixHint.RETINA_POD_LEVEL);
    }
    return CheckResult.ok(NAME, measured)
        .with("series", ctx.forwardSeries)
        .with("remoteContextSeries", n);
  }
}
