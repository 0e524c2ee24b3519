package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.last;

import dev.zonecost.promql.Scope;

/**
 * Do Retina's pod-pair series carry the pods' namespaces. A MetricsConfiguration label list emits
 * only what it names: without {@code namespace} there is no {@code source_namespace} (Retina v1.2.6
 * pkg/module/metrics/types.go, getLabels), and no pod can be joined.
 */
public final class NamespaceLabelCheck implements Check {
  public static final String NAME = "namespace labels";

  public static String query(Scope scope, String range) {
    return "count("
        + last(scope.counter("source_podname!=\"\",source_namespace=\"\""), range)
        + " or "
        + last(scope.counter("destination_podname!=\"\",destination_namespace=\"\""), range)
        + ")";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaPairs()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_PAIRS);
    }
    long n = ctx.number(query(ctx.scope(), ctx.range()));
    String measured =
        n
            + " of "
            + ctx.forwardSeries
            + " series have a source_podname or destination_podname without its namespace";
    String fix =
        "add namespace to the MetricsConfiguration's sourceLabels and destinationLabels of"
            + " forward_bytes ([ip, namespace, podname, workload, zone],"
            + " examples/metrics-configuration.yaml): a label list emits only what it names, and"
            + " without source_namespace/destination_namespace no pod can be joined";
    CheckResult r;
    if (n == 0) {
      r = CheckResult.ok(NAME, "every pod-pair series names both pods' namespaces");
    } else if (n >= ctx.forwardSeries) {
      r = CheckResult.fail(NAME, measured + ": every byte is unknown-zone", fix);
    } else {
      r = CheckResult.warn(NAME, measured + ": their bytes are unknown-zone", fix);
    }
    return r.with("series", ctx.forwardSeries)
        .with("seriesWithoutNamespace", n)
        .hint(FixHint.RETINA_LABELS);
  }
}
