package dev.zonecost.source.retina;

import static dev.zonecost.promql.LabelNames.DESTINATION_PREFIX;
import static dev.zonecost.promql.LabelNames.DIRECTION;
import static dev.zonecost.promql.LabelNames.IP;
import static dev.zonecost.promql.LabelNames.NAMESPACE;
import static dev.zonecost.promql.LabelNames.PODNAME;
import static dev.zonecost.promql.LabelNames.SOURCE_PREFIX;
import static dev.zonecost.promql.LabelNames.WORKLOAD_KIND;
import static dev.zonecost.promql.LabelNames.WORKLOAD_NAME;
import static dev.zonecost.promql.LabelNames.ZONE;

import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.Endpoint;
import dev.zonecost.accounting.Observation;
import dev.zonecost.accounting.Observation.Direction;
import dev.zonecost.accounting.PodKey;
import dev.zonecost.promql.LabelNames;
import java.util.Map;

/**
 * Retina's remote-context series as observations of pod pairs: {@code source_*} and {@code
 * destination_*} name the two pods (namespace, pod name, IP, first owner, zone where Retina ≥ 1.2
 * adds it), {@code direction} where the observing node saw them.
 */
public final class RetinaSeries {
  private RetinaSeries() {}

  /**
   * @param clusterLabel the label naming the cluster (renamed by some scrape configs)
   * @param bytes the series' bytes in the window
   */
  public static Observation observation(
      Map<String, String> labels, String clusterLabel, double bytes) {
    String cluster = labels.getOrDefault(clusterLabel, "");
    String direction = labels.getOrDefault(DIRECTION, "");
    return new Observation(
        endpoint(labels, cluster, SOURCE_PREFIX),
        endpoint(labels, cluster, DESTINATION_PREFIX),
        DedupeMode.isEgress(direction)
            ? Direction.EGRESS
            : direction.equalsIgnoreCase("ingress") ? Direction.INGRESS : Direction.OTHER,
        bytes,
        labels.getOrDefault("instance", ""));
  }

  /** With the usual {@code cluster} label. */
  public static Observation observation(Map<String, String> labels, double bytes) {
    return observation(labels, LabelNames.CLUSTER, bytes);
  }

  private static Endpoint endpoint(Map<String, String> labels, String cluster, String prefix) {
    return new Endpoint(
        new PodKey(
            cluster,
            labels.getOrDefault(prefix + NAMESPACE, ""),
            labels.getOrDefault(prefix + PODNAME, ""),
            labels.getOrDefault(prefix + IP, "")),
        labels.getOrDefault(prefix + WORKLOAD_KIND, ""),
        labels.getOrDefault(prefix + WORKLOAD_NAME, ""),
        labels.getOrDefault(prefix + ZONE, ""));
  }
}
