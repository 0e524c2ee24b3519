package dev.zonecost.cli;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.common.UsageException;
import dev.zonecost.doctor.Doctor;
import dev.zonecost.doctor.DoctorContext;
import dev.zonecost.doctor.DoctorFormat;
import dev.zonecost.doctor.DoctorReport;
import dev.zonecost.doctor.FixHintsYaml;
import dev.zonecost.prometheus.PrometheusClient;
import dev.zonecost.promql.Scope;
import dev.zonecost.time.TimeWindow;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    description = {
      "Preflight against a live Prometheus: are Retina's and kube-state-metrics' series and"
          + " labels there, how much traffic can be attributed to a zone, and which setting to"
          + " change. Each check prints OK, INFO, WARN or FAIL, the measured value and the fix."
          + " The window defaults to the last hour."
    },
    footer = {
      "  zonecost doctor --prometheus-url http://127.0.0.1:9090",
      "  zonecost doctor --since 24h -o json",
      "  zonecost doctor --fix-hints yaml --filter-map-max-entries 4096"
    })
public final class DoctorCommand implements Callable<Integer> {
  private final Clock clock;
  private final Environment env;

  @Spec CommandSpec spec;
  @Mixin PrometheusOptions prometheus;
  @Mixin TimeRangeOptions time;
  @Mixin VerboseOption verbose;
  @Mixin MetricNamesOptions names = new MetricNamesOptions();

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description =
          "Check only this cluster (its --cluster-label), where Thanos or Mimir hold several.")
  String cluster;

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      defaultValue = "auto",
      completionCandidates = AccountingOptions.SourceValues.class,
      description =
          "The byte source reports read (default: ${DEFAULT-VALUE}, as report's): its own checks"
              + " run, Retina's only when reports read Retina.")
  String source;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      completionCandidates = Candidates.DoctorFormatValues.class,
      description = "Output format: table, json or yaml (default: ${DEFAULT-VALUE}).")
  DoctorFormat format;

  @Option(
      names = "--fix-hints",
      paramLabel = "FORMAT",
      description =
          "Instead of the checks, print the set-up that fixes what they found: yaml gives the"
              + " Retina and kube-state-metrics Helm values, the MetricsConfiguration and the"
              + " scrape rule, one YAML document each. The exit code is the checks' own.")
  String fixHints;

  @Option(
      names = "--filter-map-max-entries",
      paramLabel = "N",
      defaultValue = "255",
      description =
          "Retina's filterMapMaxEntries as installed, to compare with the observed pods"
              + " (default: ${DEFAULT-VALUE}, Retina's Helm default).")
  int filterMapMaxEntries;

  @Option(
      names = "--data-aggregation-level",
      paramLabel = "LEVEL",
      defaultValue = "low",
      completionCandidates = Candidates.LevelValues.class,
      description =
          "The level reports use, checked against the observations per byte measured from"
              + " cAdvisor (default: ${DEFAULT-VALUE}).")
  DataAggregationLevel level;

  public DoctorCommand(Clock clock, Environment env) {
    this.clock = clock;
    this.env = env;
  }

  private String sourceName() {
    dev.zonecost.engine.ByteSources.byName(source); // one line and exit 2 for an unknown one
    return source.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Integer call() {
    if (fixHints != null && !fixHints.equals("yaml")) {
      throw new UsageException("--fix-hints takes yaml, not '" + fixHints + "'");
    }
    if (filterMapMaxEntries < 1) {
      throw new UsageException("--filter-map-max-entries must be at least 1");
    }
    String since = time.since == null && time.start == null ? "1h" : time.since;
    TimeWindow window = TimeWindow.resolve(time.start, time.end, since, clock);
    DoctorReport report;
    try (PrometheusClient client =
        prometheus.client(env, spec.commandLine().getErr(), verbose.verbose)) {
      report =
          Doctor.run(
              new DoctorContext(
                      client,
                      window.start(),
                      window.end(),
                      prometheus.parallelism(),
                      new Scope(names.names(), cluster))
                  .settings(filterMapMaxEntries, level)
                  .source(sourceName()),
              Doctor.defaultChecks());
    }
    spec.commandLine()
        .getOut()
        .print(fixHints != null ? FixHintsYaml.render(report) : format.render(report));
    spec.commandLine().getOut().flush();
    return report.failed() ? ExitCodes.NO_DATA : ExitCodes.OK;
  }
}
