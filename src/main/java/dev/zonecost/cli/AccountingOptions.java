package dev.zonecost.cli;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.time.TimeWindow;
import dev.zonecost.traffic.DataAggregationLevel;
import dev.zonecost.traffic.DedupeMode;
import dev.zonecost.traffic.EngineRequest;
import dev.zonecost.traffic.GroupBy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How Retina's repeated observations become one count per byte, and which traffic. */
public final class AccountingOptions {
  @Mixin SelectionOptions selection = new SelectionOptions();

  @Option(
      names = "--dedupe",
      paramLabel = "MODE",
      defaultValue = "egress",
      completionCandidates = LowerCaseValues.DedupeValues.class,
      description =
          "Which observations to keep: egress (default: the connecting pod's node), ingress,"
              + " max (per pod pair), none (add all; counts bytes 2-4 times).")
  DedupeMode dedupe;

  @Option(
      names = "--data-aggregation-level",
      paramLabel = "LEVEL",
      defaultValue = "low",
      completionCandidates = LowerCaseValues.LevelValues.class,
      description =
          "Retina's dataAggregationLevel: low (Helm default; each byte seen twice per node) or high"
              + " (once per node; twice for pods on one node). Default: ${DEFAULT-VALUE}.")
  DataAggregationLevel level;

  @Option(
      names = "--group-by",
      paramLabel = "GRAIN",
      defaultValue = "workload",
      completionCandidates = LowerCaseValues.GroupByValues.class,
      description =
          "Rows per namespace, workload (default; Deployments after roll-up) or pod pair. The"
              + " CSV's key columns follow: source_namespace[,source_workload|source_pod],...")
  GroupBy groupBy;

  @Option(
      names = "--by-cluster",
      description =
          "Split rows by the series' cluster label (source_cluster and destination_cluster"
              + " columns), where Thanos or Mimir hold several clusters.")
  boolean byCluster;

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

  public EngineRequest request(TimeWindow window) {
    return new EngineRequest(
        window.start(),
        window.end(),
        dedupe,
        level,
        selection.selection(),
        groupBy,
        new MetricNames(metric, zoneLabel, clusterLabel),
        byCluster);
  }
}
