package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeries;
import static dev.zonecost.promql.RangeFunctions.countSeriesBy;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Scope;

/** Is kube_pod_info there (pod -> node), and is it duplicated by several KSM instances. */
public final class PodInfoCheck implements Check {
  public static final String NAME = "kube_pod_info";

  public static String seriesQuery(Scope scope, String range) {
    return countSeries(scope.selector(LabelNames.POD_INFO), range);
  }

  public static String podsQuery(Scope scope, String range) {
    return "count("
        + countSeriesBy("namespace, pod, uid", scope.selector(LabelNames.POD_INFO), range)
        + ")";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    long series = ctx.number(seriesQuery(ctx.scope(), ctx.range()));
    if (series == 0) {
      String measured = "no series in the window";
      return ctx.nativeZones
          ? CheckResult.warn(
              NAME,
              measured + ": zones come from Retina, but the same-node rule cannot see nodes",
              Fixes.KSM_INSTALL)
          : CheckResult.fail(NAME, measured + ": no pod can be given a node", Fixes.KSM_INSTALL);
    }
    long pods = ctx.number(podsQuery(ctx.scope(), ctx.range()));
    String measured = series + " series for " + pods + " pods";
    if (series > pods) {
      return CheckResult.warn(
          NAME,
          measured + " (several kube-state-metrics instances or restarts)",
          "none needed: zonecost folds the replicas (max by pod) before joining");
    }
    return CheckResult.ok(NAME, measured).with("series", series).with("pods", pods);
  }
}
