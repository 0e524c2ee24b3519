package dev.zonecost.cli;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.time.TimeWindow;
import dev.zonecost.traffic.DataAggregationLevel;
import dev.zonecost.traffic.DedupeMode;
import dev.zonecost.traffic.EngineRequest;
import dev.zonecost.traffic.GroupBy;
import dev.zonecost.traffic.Re2;
import dev.zonecost.traffic.Selection;
import picocli.CommandLine.Option;

/** How Retina's repeated observations become one count per byte, and what to select. */
public final class AccountingOptions {
  @Option(
      names = "--dedupe",
      paramLabel = "MODE",
      defaultValue = "egress",
      description =
          "Which observations to keep: egress (default: the connecting pod's node), ingress,"
              + " max (per pod pair), none (add all; counts bytes 2-4 times).")
  DedupeMode dedupe;

  @Option(
      names = "--data-aggregation-level",
      paramLabel = "LEVEL",
      defaultValue = "low",
      description =
          "Retina's dataAggregationLevel: low (Helm default; each byte seen twice per node) or high"
              + " (once per node; twice for pods on one node). Default: ${DEFAULT-VALUE}.")
  DataAggregationLevel level;

  @Option(
      names = "--from-namespace",
      paramLabel = "REGEX",
      description = "Only traffic from namespaces matching this (anchored) regex.")
  String fromNamespace;

  @Option(
      names = "--to-namespace",
      paramLabel = "REGEX",
      description = "Only traffic to namespaces matching this (anchored) regex.")
  String toNamespace;

  @Option(
      names = "--from-workload",
      paramLabel = "REGEX",
      description =
          "Only traffic from workloads (Deployments after roll-up, StatefulSets, ...) whose name"
              + " matches this (anchored) regex.")
  String fromWorkload;

  @Option(
      names = "--to-workload",
      paramLabel = "REGEX",
      description = "Only traffic to workloads whose name matches this (anchored) regex.")
  String toWorkload;

  @Option(
      names = "--group-by",
      paramLabel = "GRAIN",
      defaultValue = "workload",
      description =
          "Rows per namespace, workload (default; Deployments after roll-up) or pod pair. The"
              + " CSV's key columns follow: source_namespace[,source_workload|source_pod],...")
  GroupBy groupBy;

  @Option(
      names = "--exclude-from-namespace",
      paramLabel = "REGEX",
      description = "Leave out traffic from namespaces matching this (anchored) regex.")
  String excludeFromNamespace;

  @Option(
      names = "--exclude-to-namespace",
      paramLabel = "REGEX",
      description = "Leave out traffic to namespaces matching this (anchored) regex.")
  String excludeToNamespace;

  @Option(
      names = "--exclude-from-workload",
      paramLabel = "REGEX",
      description = "Leave out traffic from workloads whose name matches this regex.")
  String excludeFromWorkload;

  @Option(
      names = "--exclude-to-workload",
      paramLabel = "REGEX",
      description = "Leave out traffic to workloads whose name matches this regex.")
  String excludeToWorkload;

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description = "Only this cluster (its 'cluster' label), where Thanos or Mimir hold several.")
  String cluster;

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
        new Selection(
            checked("--from-namespace", fromNamespace),
            checked("--to-namespace", toNamespace),
            checked("--from-workload", fromWorkload),
            checked("--to-workload", toWorkload),
            checked("--exclude-from-namespace", excludeFromNamespace),
            checked("--exclude-to-namespace", excludeToNamespace),
            checked("--exclude-from-workload", excludeFromWorkload),
            checked("--exclude-to-workload", excludeToWorkload),
            cluster),
        groupBy,
        new MetricNames(metric, zoneLabel, clusterLabel),
        byCluster);
  }

  /** A regex RE2 cannot compile would fail on the server: say so before sending anything. */
  private static String checked(String option, String regex) {
    if (regex != null) {
      Re2.compile(option, regex);
    }
    return regex;
  }
}
