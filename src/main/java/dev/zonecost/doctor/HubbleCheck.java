package dev.zonecost.doctor;

import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Hubble metrics but no {@code adv_forward_bytes}: Retina runs its Hubble control plane (or Azure's
 * managed ACNS), whose metrics count flows, not the bytes of pod pairs (Retina docs "metrics
 * intro", issue #1841). zonecost needs the Standard control plane's pod-level metrics.
 */
public final class HubbleCheck implements Check {
  public static final String NAME = "hubble";

  public static String names(Scope scope, String range) {
    return "count by (__name__) (" + scope.selector("", "__name__=~\"hubble_.+\"") + ")";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    List<String> names = new ArrayList<>();
    long series = 0;
    for (Series s : ctx.query(names(ctx.scope(), ctx.range()))) {
      names.add(s.label("__name__"));
      series += Math.round(s.samples().get(0).value());
    }
    names.sort(null);
    if (names.isEmpty()) {
      return CheckResult.ok(NAME, "no Hubble metrics").with("hubbleSeries", 0L);
    }
    String some = String.join(", ", names.subList(0, Math.min(3, names.size())));
    if (ctx.hasRetinaSeries() || ctx.readsOtherSource()) {
      return CheckResult.info(
              NAME,
              series
                  + " Hubble series ("
                  + some
                  + (ctx.readsOtherSource()
                      ? "); reports read " + ctx.readSource()
                      : ") beside Retina's pod-level metrics; zonecost reads only the latter"))
          .with("hubbleSeries", series);
    }
    return CheckResult.fail(
            NAME,
            series
                + " Hubble series ("
                + some
                + ") and no "
                + ctx.scope().names().forwardBytes()
                + ": Retina runs the Hubble"
                + " control plane (or Azure ACNS), whose metrics count flows per workload but no"
                + " bytes between two pods, so no zone split can be computed from them",
            "install Retina's Standard control plane (chart"
                + " deploy/standard/manifests/controller/helm/retina) with pod-level metrics in"
                + " remote context: examples/retina-values.yaml and"
                + " examples/metrics-configuration.yaml")
        .with("hubbleSeries", series)
        .with("hubbleMetrics", String.join(",", names))
        .hint(FixHint.RETINA_POD_LEVEL);
  }
}
