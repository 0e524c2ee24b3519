package dev.zonecost.cli;

import dev.zonecost.cost.CostEstimator;
import dev.zonecost.prometheus.PrometheusClient;
import dev.zonecost.render.Output;
import dev.zonecost.render.Renderer;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportBuilder;
import dev.zonecost.report.ReportService;
import dev.zonecost.report.RowOrder;
import dev.zonecost.time.TimeWindow;
import dev.zonecost.traffic.EngineRequest;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Bytes per source->destination workload pair in the window, split into same-zone,"
          + " cross-zone and unknown-zone, with a zone x zone matrix.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  zonecost report --prometheus-url http://127.0.0.1:9090 --since 24h",
      "  zonecost report --start 2026-11-01T00:00:00Z --end 2026-11-02T00:00:00Z \\",
      "      -o csv --output-file traffic.csv",
      "  export PROMETHEUS_URL=http://prometheus:9090",
      "  zonecost report --since 7d --from-namespace 'app-.*' --to-workload db -o json"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:unexpected internal error (a bug; --verbose shows the stack trace)",
      "2:usage or configuration error (bad flag, bad time, end before start)",
      "4:back end failed (unreachable, timeout, Prometheus error, malformed answer)",
      "5:not enough data (nothing matched the selection in the window)"
    })
public final class ReportCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec CommandSpec spec;
  @Mixin PrometheusOptions prometheus;
  @Mixin ReadOptions read;
  @Mixin TimeRangeOptions time;
  @Mixin AccountingOptions accounting;
  @Mixin PricingOptions pricing;
  @Mixin OutputOptions output;
  @Mixin VerboseOption verbose;

  public ReportCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    TimeWindow window = time.window(clock);
    Renderer renderer = output.renderer();
    RowOrder.SortBy sortBy = output.sortBy(); // checked before anything is sent
    Integer top = output.top();
    CostEstimator prices = new CostEstimator(pricing.selection());
    EngineRequest request = accounting.request(window);
    Report report;
    try (PrometheusClient client = prometheus.client()) {
      report =
          new ReportService(
                  client,
                  read.settings(prometheus.parallelism(), spec.commandLine().getErr()),
                  VersionProvider.version(),
                  prices)
              .report(request, sortBy, top);
    }
    if (report.metadata().edges().clipped()) {
      spec.commandLine()
          .getErr()
          .println("zonecost: " + ReportBuilder.clippedNote(report.metadata().edges()));
    }
    if (output.file != null) {
      Output.toFile(renderer, report, output.file);
      spec.commandLine().getErr().println("zonecost: wrote " + output.file);
    } else {
      Output.toWriter(renderer, report, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
