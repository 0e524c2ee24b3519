package dev.zonecost.doctor;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code doctor --fix-hints yaml}: the Helm values and MetricsConfiguration that would fix what the
 * checks found, as YAML documents (one per file to apply), each headed by the command that applies
 * it. Nothing found: a comment saying so.
 */
public final class FixHintsYaml {
  private FixHintsYaml() {}

  static final String LABELS = "[ip, namespace, podname, workload, zone]";

  public static String render(DoctorReport report) {
    Set<FixHint> h = EnumSet.noneOf(FixHint.class);
    for (CheckResult r : report.results()) {
      if (r.status() == Status.WARN || r.status() == Status.FAIL) {
        h.addAll(r.hints());
      }
    }
    if (h.isEmpty()) {
      return "# zonecost doctor: nothing to fix in the set-up\n";
    }
    StringBuilder sb = new StringBuilder();
    Map<String, String> retina = new LinkedHashMap<>();
    if (h.contains(FixHint.RETINA_POD_LEVEL)) {
      retina.put("operator", "\n  enabled: true");
      retina.put("enablePodLevel", "true");
      retina.put("remoteContext", "true");
    }
    if (h.contains(FixHint.RETINA_POD_LEVEL)
        || h.contains(FixHint.RETINA_ANNOTATIONS_OFF)
        || h.contains(FixHint.RETINA_LABELS)) {
      retina.put(
          "enableAnnotations",
          "false  # annotation mode ignores the MetricsConfiguration and drops zone");
    }
    if (h.contains(FixHint.RETINA_FILTER_MAP) || h.contains(FixHint.RETINA_POD_LEVEL)) {
      retina.put(
          "filterMapMaxEntries",
          "4096  # above the pods of the observed namespaces at their peak (default 255)");
    }
    if (h.contains(FixHint.RETINA_RING_BUFFER)) {
      retina.put("packetParserRingBuffer", "enabled  # fewer lost events at high packet rates");
      retina.put("packetParserRingBufferSize", "33554432  # 32 MiB, a power of two");
    }
    if (!retina.isEmpty()) {
      sb.append(
          "# Retina Helm values: helm upgrade retina <chart> -n kube-system --reuse-values -f -\n");
      retina.forEach(
          (k, v) ->
              sb.append(k)
                  .append(':')
                  .append(v.startsWith("\n") ? "" : " ")
                  .append(v)
                  .append('\n'));
    }
    if (h.contains(FixHint.RETINA_POD_LEVEL)
        || h.contains(FixHint.RETINA_LABELS)
        || h.contains(FixHint.RETINA_ANNOTATIONS_OFF)) {
      doc(sb);
      sb.append("# MetricsConfiguration: kubectl apply -f - (keep your namespaces list)\n")
          .append("apiVersion: retina.sh/v1alpha1\nkind: MetricsConfiguration\n")
          .append("metadata:\n  name: zonecost\nspec:\n  contextOptions:\n");
      for (String metric : new String[] {"forward_bytes", "forward_count"}) {
        sb.append("    - metricName: ")
            .append(metric)
            .append('\n')
            .append("      sourceLabels: ")
            .append(LABELS)
            .append('\n')
            .append("      destinationLabels: ")
            .append(LABELS)
            .append('\n')
            .append("      additionalLabels: [direction]\n");
      }
      sb.append("  namespaces:\n    include: [NAMESPACE]  # the namespaces to observe\n");
    }
    Map<String, String> ksm = new TreeMap<>();
    if (h.contains(FixHint.KSM_ZONE_ALLOWLIST)) {
      ksm.put(
          "metricLabelsAllowlist",
          "\n  - nodes=[topology.kubernetes.io/zone,failure-domain.beta.kubernetes.io/zone]"
              + "\n  - endpointslices=[kubernetes.io/service-name]");
    }
    if (h.contains(FixHint.KSM_HONOR_LABELS)) {
      ksm.put(
          "prometheus",
          "\n  monitor:\n    enabled: true\n    honorLabels: true  # keep namespace/pod, not"
              + " exported_*");
    }
    if (!ksm.isEmpty()) {
      doc(sb);
      sb.append(
          "# kube-state-metrics Helm values: helm upgrade kube-state-metrics"
              + " prometheus-community/kube-state-metrics --reuse-values -f -\n");
      ksm.forEach((k, v) -> sb.append(k).append(':').append(v).append('\n'));
    }
    if (h.contains(FixHint.SCRAPE_ONCE)) {
      doc(sb);
      sb.append(
              "# Prometheus: add to the relabel_configs of the kubernetes-pods job, so only the"
                  + " retina job scrapes Retina\n")
          .append("- source_labels: [__meta_kubernetes_pod_label_k8s_app]\n")
          .append("  regex: retina\n  action: drop\n");
    }
    if (h.contains(FixHint.RETINA_LEVEL)) {
      doc(sb);
      sb.append(
          "# zonecost config (zonecost.yaml): the observations per byte measured by the"
              + " \"observations\" check\n");
      for (CheckResult r : report.results()) {
        Object implied = r.numbers().get("impliedLevel");
        if (implied != null) {
          sb.append("data-aggregation-level: ").append(implied).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static void doc(StringBuilder sb) {
    if (sb.length() > 0) {
      sb.append("---\n");
    }
  }
}
