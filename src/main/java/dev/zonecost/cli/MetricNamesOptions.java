package dev.zonecost.cli;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.MetricNames;
import picocli.CommandLine.Option;

/** The names a scrape config may have changed: Retina's metric, the zone and cluster labels. */
public final class MetricNamesOptions {
  @Option(
      names = "--metric",
      paramLabel = "NAME",
      defaultValue = LabelNames.FORWARD_BYTES,
      description =
          "Retina's byte metric, if a scrape config renamed it (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(
      names = "--zone-label",
      paramLabel = "LABEL",
      defaultValue = LabelNames.ZONE_LABEL,
      description =
          "The kube_node_labels label holding a node's zone (default: ${DEFAULT-VALUE}; the legacy"
              + " failure-domain label is always tried after it).")
  String zoneLabel;

  @Option(
      names = "--cluster-label",
      paramLabel = "LABEL",
      defaultValue = LabelNames.CLUSTER,
      description =
          "The label naming the cluster on Retina's and kube-state-metrics' series, for --cluster,"
              + " --by-cluster and the joins (default: ${DEFAULT-VALUE}).")
  String clusterLabel;

  MetricNames names() {
    return new MetricNames(metric, zoneLabel, clusterLabel);
  }
}
