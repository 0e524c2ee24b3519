package dev.zonecost.promql;

import java.util.List;

/**
 * kube-state-metrics' own labels that a scrape without {@code honor_labels: true} renames: the
 * prometheus-operator's ServiceMonitor job sets {@code namespace}, {@code pod}, {@code service},
 * {@code container}, {@code endpoint}, {@code job} and {@code instance} from its target, and
 * Prometheus keeps a clashing label of the scraped series as {@code exported_<name>}. The
 * standalone kube-state-metrics chart scrapes so by default ({@code prometheus.monitor.honorLabels:
 * false}). Where the {@code exported_} label is there it holds kube-state-metrics' value, and its
 * plain twin is the scrape target's (kube-state-metrics' own namespace and pod): the exported one
 * wins.
 */
public final class ExportedLabels {
  /** The clashing labels kube-state-metrics' series that zonecost reads carry. */
  public static final List<String> CLASHING = List.of("namespace", "pod", "service");

  /** The label a series renamed {@code namespace} to, kept to tell such series apart. */
  public static final String EXPORTED_NAMESPACE = "exported_namespace";

  private ExportedLabels() {}

  /**
   * {@code expr} with each clashing label among {@code labels} (a comma-separated list) taken from
   * its {@code exported_} twin where that one is set: {@code label_replace} leaves a series without
   * it as it is ({@code (.+)} matches no empty value).
   */
  public static String coalesced(String labels, String expr) {
    String out = expr;
    for (String name : labels.split(",")) {
      String l = name.trim();
      if (CLASHING.contains(l)) {
        out =
            "label_replace("
                + out
                + ", "
                + PromqlStrings.quote(l)
                + ", \"$1\", "
                + PromqlStrings.quote("exported_" + l)
                + ", \"(.+)\")";
      }
    }
    return out;
  }
}
