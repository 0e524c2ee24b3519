package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeries;

import dev.zonecost.promql.Scope;

/** Does Retina (≥ 1.2) label the zones itself; if not, zones come from kube-state-metrics. */
public final class NativeZoneCheck implements Check {
  public static final String NAME = "native zones";

  public static String query(Scope scope, String range) {
    return countSeries(scope.counter("source_zone!=\"\",source_zone!=\"unknown\""), range);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaSeries()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_SERIES);
    }
    long n = ctx.number(query(ctx.scope(), ctx.range()));
    ctx.nativeZones = n > 0;
    if (n > 0) {
      return CheckResult.ok(NAME, n + " series carry source_zone (Retina >= 1.2): no join needed")
          .with("seriesWithZone", n);
    }
    return CheckResult.info(
        NAME,
        "no source_zone labels: zones come from kube_pod_info + kube_node_labels (Retina >= 1.2"
            + " adds zone to the MetricsConfiguration labels)");
  }
}
