package dev.zonecost.cli;

import dev.zonecost.UsageException;
import dev.zonecost.time.TimeWindow;
import dev.zonecost.traffic.DataAggregationLevel;
import dev.zonecost.traffic.DedupeMode;
import dev.zonecost.traffic.EngineRequest;
import dev.zonecost.traffic.GroupBy;
import dev.zonecost.traffic.Selection;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
            checked("--to-workload", toWorkload)),
        groupBy);
  }

  /** A regex Java cannot compile would fail on the server too: say so before sending anything. */
  private static String checked(String option, String regex) {
    if (regex == null) {
      return null;
    }
    try {
      Pattern.compile(regex);
      return regex;
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          option + " '" + regex + "' is not a valid regex: " + e.getDescription());
    }
  }
}
