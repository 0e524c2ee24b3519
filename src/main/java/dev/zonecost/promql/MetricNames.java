package dev.zonecost.promql;

import dev.zonecost.common.UsageException;
import java.util.regex.Pattern;

/**
 * The names zonecost reads that a scrape configuration may have renamed: Retina's byte metric, the
 * kube-state-metrics label that carries a node's zone, and the label naming the cluster (set by
 * external labels or relabelling, on Retina's and kube-state-metrics' series alike). Both are
 * checked to be Prometheus names before they reach any query, so they cannot change its meaning.
 */
public record MetricNames(String forwardBytes, String zoneLabel, String clusterLabel) {
  // Declared before DEFAULT: static fields initialise in order.
  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public static final MetricNames DEFAULT =
      new MetricNames(LabelNames.FORWARD_BYTES, LabelNames.ZONE_LABEL, LabelNames.CLUSTER);

  public MetricNames(String forwardBytes, String zoneLabel) {
    this(forwardBytes, zoneLabel, LabelNames.CLUSTER);
  }

  public MetricNames {
    if (!METRIC.matcher(forwardBytes).matches()) {
      throw new UsageException(
          "'" + forwardBytes + "' is not a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
    }
    for (String label : new String[] {zoneLabel, clusterLabel}) {
      if (!LABEL.matcher(label).matches()) {
        throw new UsageException(
            "'" + label + "' is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)");
      }
    }
  }
}
