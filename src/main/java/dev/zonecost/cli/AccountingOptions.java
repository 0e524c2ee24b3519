package dev.zonecost.cli;

import dev.zonecost.traffic.DataAggregationLevel;
import dev.zonecost.traffic.DedupeMode;
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
}
