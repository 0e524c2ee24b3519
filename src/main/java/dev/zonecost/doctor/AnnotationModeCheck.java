package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeries;
import static dev.zonecost.promql.RangeFunctions.countSeriesBy;

import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.Scope;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does Retina run in annotation mode. With {@code enableAnnotations: true} Retina v1.2.6 starts the
 * namespace-annotation controller instead of the MetricsConfiguration controller
 * (cmd/standard/daemon.go, issue #1632) and uses a fixed label set (DefaultCtxOptions: ip,
 * namespace, podname, workload; no zone, port or service). Seen from Prometheus: exactly that label
 * set, although the agents run Retina ≥ 1.2 (whose MetricsConfiguration could add zone). A
 * MetricsConfiguration whose context options name no zone, port or service gives the same labels,
 * so the fix names both.
 */
public final class AnnotationModeCheck implements Check {
  public static final String NAME = "annotation mode";

  /**
   * The fix of the fixed label set. Two set-ups give the same labels, and Prometheus cannot tell
   * them apart: annotation mode, and a MetricsConfiguration whose context options lack zone.
   */
  static final String BOTH_CAUSES =
      "one of two set-ups gives exactly these labels: (1) annotation mode (Retina Helm value"
          + " enableAnnotations=true starts the namespace-annotation controller instead of the"
          + " MetricsConfiguration controller, so any MetricsConfiguration is ignored, Retina"
          + " #1632): set enableAnnotations=false; or (2) a MetricsConfiguration whose"
          + " forward_bytes contextOptions list no zone (nor port or service) in sourceLabels and"
          + " destinationLabels: add zone. examples/metrics-configuration.yaml has both right";

  private static final Pattern VERSION = Pattern.compile(":v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** The labels the MetricsConfiguration can add and annotation mode never has. */
  public static String optionalLabels(Scope scope, String range) {
    return countSeriesBy(
        "source_zone, destination_zone, source_port, source_service, is_reply",
        scope.counter("source_podname!=\"\""),
        range);
  }

  /** The annotation-mode labels: series with all of them. */
  public static String fixedLabels(Scope scope, String range) {
    return countSeries(
        scope.counter(
            "source_ip!=\"\",source_namespace!=\"\",source_podname!=\"\","
                + "source_workload_kind!=\"\",source_workload_name!=\"\""),
        range);
  }

  /** The Retina agents' image, from kube-state-metrics (container "retina" in the chart). */
  public static String images(Scope scope, String range) {
    return countSeriesBy(
        "image", scope.selector("kube_pod_container_info", "container=\"retina\""), range);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaPairs()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_PAIRS);
    }
    List<Series> optional = ctx.query(optionalLabels(ctx.scope(), ctx.range()));
    boolean anyOptional =
        optional.stream()
            .anyMatch(
                s ->
                    !s.label("source_zone").isEmpty()
                        || !s.label("destination_zone").isEmpty()
                        || !s.label("source_port").isEmpty()
                        || !s.label("source_service").isEmpty()
                        || !s.label("is_reply").isEmpty());
    long fixed = ctx.number(fixedLabels(ctx.scope(), ctx.range()));
    String version = "";
    int[] v = null;
    for (Series s : ctx.query(images(ctx.scope(), ctx.range()))) {
      Matcher m = VERSION.matcher(s.label("image"));
      if (m.find()) {
        int[] w = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        if (v == null || w[0] < v[0] || (w[0] == v[0] && w[1] < v[1])) {
          v = w;
          version = s.label("image").substring(s.label("image").lastIndexOf(':') + 1);
        }
      }
    }
    boolean fixedSet = !anyOptional && fixed >= ctx.forwardSeries;
    CheckResult r;
    if (!fixedSet) {
      r =
          CheckResult.ok(
              NAME,
              anyOptional
                  ? "labels beyond annotation mode's fixed set (zone, port, service or is_reply):"
                      + " the MetricsConfiguration is in force"
                  : "labels differ from annotation mode's fixed set");
    } else {
      String measured =
          "every series has exactly annotation mode's fixed labels (ip, namespace, podname,"
              + " workload) and none a MetricsConfiguration adds (zone, port, service)";
      boolean zoneCapable = v != null && (v[0] > 1 || (v[0] == 1 && v[1] >= 2));
      if (zoneCapable) {
        r =
            CheckResult.warn(
                NAME,
                measured + ", on Retina " + version + " (>= 1.2 could label zones)",
                BOTH_CAUSES);
      } else {
        r =
            CheckResult.info(
                NAME,
                measured
                    + (v == null
                        ? " (Retina's version unknown: no kube_pod_container_info for container"
                            + " retina)"
                        : ", on Retina " + version + " (before 1.2: no zone labels)")
                    + "; annotation mode (enableAnnotations=true) or a MetricsConfiguration without"
                    + " zone gives these labels");
      }
    }
    return r.with("annotationModeLabels", fixedSet)
        .with("retinaVersion", version)
        .hint(FixHint.RETINA_ANNOTATIONS_OFF);
  }
}
