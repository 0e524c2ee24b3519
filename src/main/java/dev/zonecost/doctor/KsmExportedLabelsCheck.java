package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.last;

import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Scope;
import java.util.List;

/**
 * Are kube-state-metrics' {@code namespace}/{@code pod} labels renamed to {@code
 * exported_namespace}/{@code exported_pod}: a scrape without {@code honor_labels: true} (the
 * kube-state-metrics chart's default {@code prometheus.monitor.honorLabels: false}) lets the
 * target's own labels win. report reads the {@code exported_} labels where set (and says so in a
 * note): a WARN, the scrape to fix for every other reader.
 */
public final class KsmExportedLabelsCheck implements Check {
  public static final String NAME = "ksm labels";

  public static String exported(Scope scope, String range) {
    return "count by (namespace) ("
        + last(scope.selector(LabelNames.POD_INFO, "exported_namespace!=\"\""), range)
        + " or "
        + last(scope.selector(LabelNames.POD_INFO, "exported_pod!=\"\""), range)
        + ")";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    long all = ctx.number(PodInfoCheck.seriesQuery(ctx.scope(), ctx.range()));
    if (all == 0) {
      return CheckResult.info(NAME, "not measured: no kube_pod_info");
    }
    List<Series> ex = ctx.query(exported(ctx.scope(), ctx.range()));
    long n = 0;
    String target = "";
    for (Series s : ex) {
      n += Math.round(s.samples().get(0).value());
      target = s.label("namespace");
    }
    if (n == 0) {
      return CheckResult.ok(NAME, "kube_pod_info keeps its own namespace and pod labels")
          .with("series", all)
          .with("exportedSeries", 0L);
    }
    String measured =
        n
            + " of "
            + all
            + " kube_pod_info series carry exported_namespace/exported_pod"
            + (target.isEmpty() ? "" : " (namespace=\"" + target + "\" is the scrape target's)");
    String fix =
        "scrape kube-state-metrics with honor_labels: true (Helm:"
            + " prometheus.monitor.honorLabels=true, examples/kube-state-metrics-values.yaml;"
            + " plain Prometheus: honor_labels: true on its job); the chart default false renames"
            + " the pods' namespace/pod labels: report reads the exported_ ones (and says so), but"
            + " dashboards and other tools join no pod";
    // report reads the exported_ labels (KubeQueries): a set-up to fix, no longer a wrong report.
    CheckResult r =
        CheckResult.warn(
            NAME,
            measured
                + (n >= all
                    ? ": report reads exported_namespace/exported_pod instead"
                    : ": report reads exported_namespace/exported_pod where set"),
            fix);
    return r.with("series", all).with("exportedSeries", n).hint(FixHint.KSM_HONOR_LABELS);
  }
}
