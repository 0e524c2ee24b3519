package dev.zonecost.cli;

import dev.zonecost.accounting.Re2;
import dev.zonecost.accounting.Selection;
import picocli.CommandLine.Option;

/** Which traffic: namespace and workload regexes on each side, and the cluster. */
public final class SelectionOptions {
  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "REGEX",
      description =
          "Only traffic with either end in a namespace matching this (anchored) regex, as kubectl's"
              + " -n; --from-namespace and --to-namespace pick one end.")
  String namespace;

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

  Selection selection() {
    return new Selection(
        checked("--from-namespace", fromNamespace),
        checked("--to-namespace", toNamespace),
        checked("--from-workload", fromWorkload),
        checked("--to-workload", toWorkload),
        checked("--exclude-from-namespace", excludeFromNamespace),
        checked("--exclude-to-namespace", excludeToNamespace),
        checked("--exclude-from-workload", excludeFromWorkload),
        checked("--exclude-to-workload", excludeToWorkload),
        cluster,
        checked("--namespace", namespace));
  }

  /** A regex RE2 cannot compile would fail on the server: say so before sending anything. */
  private static String checked(String option, String regex) {
    if (regex != null) {
      Re2.compile(option, regex);
    }
    return regex;
  }
}
