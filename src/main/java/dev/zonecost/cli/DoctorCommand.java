package dev.zonecost.cli;

import dev.zonecost.UsageException;
import dev.zonecost.doctor.Doctor;
import dev.zonecost.doctor.DoctorContext;
import dev.zonecost.doctor.DoctorRenderer;
import dev.zonecost.doctor.DoctorReport;
import dev.zonecost.prometheus.PrometheusClient;
import dev.zonecost.time.TimeWindow;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Preflight against a live Prometheus: are Retina's and kube-state-metrics' series and"
          + " labels there, how much traffic can be attributed to a zone, and which setting to"
          + " change. Each check prints OK, INFO, WARN or FAIL, the measured value and the fix."
          + " The window defaults to the last hour.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  zonecost doctor --prometheus-url http://127.0.0.1:9090",
      "  zonecost doctor --since 24h -o json"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no FAIL (OK, INFO and WARN only)",
      "1:unexpected internal error (a bug; --verbose shows the stack trace)",
      "2:usage or configuration error (bad flag, bad time, end before start)",
      "4:Prometheus cannot be reached or failed",
      "5:a FAIL: the data cannot support a report (no Retina metric, no remote context, no zone)"
    })
public final class DoctorCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec CommandSpec spec;
  @Mixin PrometheusOptions prometheus;
  @Mixin TimeRangeOptions time;
  @Mixin VerboseOption verbose;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
  String format;

  public DoctorCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("table") && !f.equals("json")) {
      throw new UsageException("unknown -o '" + format + "' for doctor: use table or json");
    }
    String since = time.since == null && time.start == null ? "1h" : time.since;
    TimeWindow window = TimeWindow.resolve(time.start, time.end, since, clock);
    DoctorReport report;
    try (PrometheusClient client = prometheus.client()) {
      report =
          Doctor.run(
              new DoctorContext(client, window.start(), window.end(), prometheus.parallelism()),
              Doctor.defaultChecks());
    }
    spec.commandLine()
        .getOut()
        .print(f.equals("json") ? DoctorRenderer.json(report) : DoctorRenderer.table(report));
    spec.commandLine().getOut().flush();
    return report.failed() ? ExitCodes.NO_DATA : ExitCodes.OK;
  }
}
