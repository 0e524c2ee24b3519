package dev.zonecost.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
    name = "zonecost",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Same-zone, cross-zone and unknown-zone bytes between Kubernetes workloads, from Retina's"
          + " pod-to-pod counters joined with kube-state-metrics' pod -> node -> zone data in"
          + " Prometheus."
    },
    commandListHeading = "%nCommands:%n",
    footer = {
      "  zonecost report --prometheus-url http://127.0.0.1:9090 --since 24h",
      "  zonecost simulate --scenario edge --out-dir cluster"
    })
public final class ZonecostCommand implements Runnable {
  @Spec CommandSpec spec;

  // Read before parsing (ConfigLocator.explicitPath); declared here so every command accepts it.
  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "Config file (default: ./zonecost.yaml, else $XDG_CONFIG_HOME/zonecost/config.yaml)."
              + " Precedence: flag > environment > file > default.")
  String config;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: try 'zonecost report'");
  }
}
