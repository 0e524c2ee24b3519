package dev.zonecost.cli;

import dev.zonecost.doctor.Doctor;
import dev.zonecost.doctor.DoctorContext;
import dev.zonecost.doctor.DoctorFormat;
import dev.zonecost.doctor.DoctorReport;
import dev.zonecost.prometheus.PrometheusClient;
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
      "  zonecost doctor --since 24h -o json"
    })
public final class DoctorCommand implements Callable<Integer> {
  private final Clock clock;
  private final Environment env;

  @Spec CommandSpec spec;
  @Mixin PrometheusOptions prometheus;
  @Mixin TimeRangeOptions time;
  @Mixin VerboseOption verbose;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      completionCandidates = LowerCaseValues.DoctorFormatValues.class,
      description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
  DoctorFormat format;

  public DoctorCommand(Clock clock, Environment env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    String since = time.since == null && time.start == null ? "1h" : time.since;
    TimeWindow window = TimeWindow.resolve(time.start, time.end, since, clock);
    DoctorReport report;
    try (PrometheusClient client =
        prometheus.client(env, spec.commandLine().getErr(), verbose.verbose)) {
      report =
          Doctor.run(
              new DoctorContext(client, window.start(), window.end(), prometheus.parallelism()),
              Doctor.defaultChecks());
    }
    spec.commandLine().getOut().print(format.render(report));
    spec.commandLine().getOut().flush();
    return report.failed() ? ExitCodes.NO_DATA : ExitCodes.OK;
  }
}
