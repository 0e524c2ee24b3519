package dev.zonecost.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.common.TerminalText;
import dev.zonecost.common.UsageException;
import dev.zonecost.monitoring.RuleSet;
import dev.zonecost.time.TimeParsing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "rules",
    description = {
      "Prometheus recording rules for cross-zone bytes per workload pair and zone pair, and"
          + " alerts on a jump in cross-zone bytes or cost; a rules file, or a PrometheusRule."
          + " Built on `query --grafana`'s expression: less exact than report."
    },
    footer = {
      "  zonecost rules --cloud aws > zonecost-rules.yml && promtool check rules zonecost-rules.yml",
      "  zonecost rules --prometheus-rule --name zonecost | kubectl apply -f -"
    })
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MonitoringOutput monitoring;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description =
          "Evaluation interval and increase() range of the recording rules (default: 5m).")
  String interval;

  @Option(
      names = "--jump-factor",
      paramLabel = "X",
      defaultValue = "2",
      description =
          "Alert when the last hour's cross-zone bytes or cost pass X times the hourly mean of"
              + " the day before (default: 2).")
  double factor;

  @Option(
      names = "--min-bytes-per-hour",
      paramLabel = "BYTES",
      defaultValue = "1000000000",
      description = "No alert below this many cross-zone bytes in the hour (default: 1 GB).")
  long minBytes;

  @Option(
      names = "--prometheus-rule",
      description = "Print a prometheus-operator PrometheusRule resource instead of a rules file.")
  boolean prometheusRule;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = "zonecost",
      description = "metadata.name of the PrometheusRule (default: zonecost).")
  String name;

  static final double MAX_FACTOR = 1000;
  // RFC 1123 subdomain, as metadata.name of a PrometheusRule.
  private static final String KUBERNETES_NAME =
      "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  @Override
  public Integer call() throws Exception {
    Duration every = TimeParsing.duration(interval);
    if (every.compareTo(Duration.ofMinutes(1)) < 0 || every.compareTo(Duration.ofHours(1)) > 0) {
      throw new UsageException("--interval must be between 1m and 1h, not " + interval);
    }
    // 1e400 parses as Infinity, which PromQL cannot read; far above 1000 an alert never fires.
    if (!(factor > 1) || !(factor <= MAX_FACTOR)) {
      throw new UsageException(
          "--jump-factor must be more than 1 and at most " + MAX_FACTOR + ", not " + factor);
    }
    if (minBytes < 0) {
      throw new UsageException("--min-bytes-per-hour must be 0 or more, not " + minBytes);
    }
    if (prometheusRule && !name.matches(KUBERNETES_NAME)) {
      throw new UsageException(
          "--name '"
              + TerminalText.escape(name)
              + "' is not a Kubernetes resource name (lower-case letters, digits, '-' and '.',"
              + " at most 253)");
    }
    ObjectNode groups =
        RuleSet.groups(
            monitoring.expression(),
            every,
            monitoring.pricePerByte(),
            monitoring.currency(),
            factor,
            minBytes);
    // Checked before anything is written: a rules file promtool would refuse is not an answer.
    try {
      RuleSet.check(groups);
    } catch (IllegalArgumentException e) {
      throw new UsageException("rules: " + e.getMessage(), e);
    }
    List<String> header = new ArrayList<>();
    header.add("zonecost rules: recording rules and alerts, less exact than zonecost report:");
    monitoring.caveats().forEach(c -> header.add(" - " + c));
    if (monitoring.retina()) {
      header.add(" - " + RuleSet.MEASURED);
    }
    monitoring.write(
        prometheusRule ? RuleSet.prometheusRule(groups, name) : groups, true, spec, header);
    return ExitCodes.OK;
  }
}
