package dev.zonecost.cli;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.NodeTraffic;
import dev.zonecost.accounting.Places;
import dev.zonecost.accounting.Subnets;
import dev.zonecost.common.UsageException;
import dev.zonecost.config.SubnetsFile;
import dev.zonecost.engine.ByteSources;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.time.TimeParsing;
import dev.zonecost.time.TimeWindow;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How Retina's repeated observations become one count per byte, and which traffic. */
public final class AccountingOptions {
  @Mixin SelectionOptions selection = new SelectionOptions();
  @Mixin MetricNamesOptions names = new MetricNamesOptions();

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      defaultValue = "auto",
      completionCandidates = SourceValues.class,
      description =
          "Which agent's byte counters to read: retina (networkobservability_adv_forward_bytes),"
              + " beyla (Beyla / OBI network flows), istio (ztunnel or sidecar TCP bytes), or auto"
              + " (default: the first with data in the window, Retina first).")
  String source;

  /** The values {@code --source} takes, for completion and help. */
  static final class SourceValues extends java.util.ArrayList<String> {
    SourceValues() {
      super(ByteSources.names());
    }
  }

  @Option(
      names = "--dedupe",
      paramLabel = "MODE",
      defaultValue = "auto",
      completionCandidates = Candidates.DedupeValues.class,
      description =
          "Which observations to keep: auto (default: per pod pair the server node's INGRESS, else"
              + " the opener's EGRESS; Service and masqueraded copies left out), egress (exact only"
              + " where clients call pod IPs), ingress, max (per pod pair), none (add all).")
  DedupeMode dedupe;

  @Option(
      names = "--data-aggregation-level",
      paramLabel = "LEVEL",
      defaultValue = "low",
      completionCandidates = Candidates.LevelValues.class,
      description =
          "Retina's dataAggregationLevel: low (Helm default; each byte seen twice per node) or high"
              + " (once per node; twice for pods on one node). Default: ${DEFAULT-VALUE}.")
  DataAggregationLevel level;

  @Option(
      names = "--group-by",
      paramLabel = "GRAIN",
      defaultValue = "workload",
      completionCandidates = Candidates.GroupByValues.class,
      description =
          "Rows per namespace, workload (default; Deployments after roll-up), pod pair, or"
              + " service (workloads, with the Service a client called as the far end). The CSV's"
              + " key columns follow: source_namespace[,source_workload|source_pod],...")
  GroupBy groupBy;

  @Option(
      names = "--by-cluster",
      description =
          "Split rows by the series' cluster label (source_cluster and destination_cluster"
              + " columns), where Thanos or Mimir hold several clusters.")
  boolean byCluster;

  @Option(
      names = "--node-traffic",
      paramLabel = "MODE",
      defaultValue = "name",
      description =
          "An end that is a node (kubelet, host-network pods, NodePort traffic forwarded by a"
              + " node): name (default: the node, kind Node, with its zone) or unknown (booked as"
              + " an unknown end; the bytes are the same).")
  String nodeTraffic;

  @Option(
      names = "--subnets",
      paramLabel = "FILE",
      description =
          "Address ranges outside the cluster and their zones (a managed database, another VM):"
              + " `aws ec2 describe-subnets` JSON, or a YAML/JSON/CSV list of cidr, zone, name.")
  java.nio.file.Path subnets;

  @Option(
      names = "--look-behind",
      paramLabel = "DURATION",
      defaultValue = "1h",
      description =
          "How far before the window a sample proves that a series (or its agent) already existed;"
              + " a series without one is counted from zero only when its agent was already"
              + " scraped (born with evidence). 5m to 7d. Default: ${DEFAULT-VALUE}.")
  String lookBehind;

  static final Duration MIN_LOOK_BEHIND = Duration.ofMinutes(5);
  static final Duration MAX_LOOK_BEHIND = Duration.ofDays(7);

  /** The look-behind, checked: at least Prometheus' 5-minute lookback, at most 7 days. */
  Duration lookBehind() {
    Duration d = TimeParsing.duration(lookBehind);
    if (d.compareTo(MIN_LOOK_BEHIND) < 0 || d.compareTo(MAX_LOOK_BEHIND) > 0) {
      throw new UsageException(
          "--look-behind "
              + lookBehind
              + " is out of range: use 5m (Prometheus' lookback) to 7d, e.g. --look-behind 1h");
    }
    return d;
  }

  /** The source's name, checked (one line and exit 2 for an unknown one). */
  String source() {
    ByteSources.byName(source);
    return source.toLowerCase(java.util.Locale.ROOT);
  }

  public EngineRequest request(TimeWindow window) {
    return new EngineRequest(
        window.start(),
        window.end(),
        dedupe,
        level,
        selection.selection(),
        groupBy,
        names.names(),
        byCluster,
        lookBehind(),
        source(),
        new Places(
            NodeTraffic.parse(nodeTraffic),
            subnets == null ? Subnets.NONE : SubnetsFile.read(subnets)));
  }
}
