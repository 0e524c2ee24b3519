package dev.zonecost.cli;

import dev.zonecost.render.Output;
import dev.zonecost.render.Renderer;
import dev.zonecost.report.Report;
import dev.zonecost.time.TimeWindow;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    description = {
      "Bytes per source->destination workload pair in the window, split into same-zone,"
          + " cross-zone and unknown-zone, with a zone x zone matrix."
    },
    footer = {
      "  zonecost report --prometheus-url http://127.0.0.1:9090 --since 24h",
      "  zonecost report --start 2026-11-01T00:00:00Z --end 2026-11-02T00:00:00Z \\",
      "      -o csv --output-file traffic.csv",
      "  export PROMETHEUS_URL=http://prometheus:9090",
      "  zonecost report --since 7d --from-namespace 'app-.*' --to-workload db -o json"
    })
public final class ReportCommand implements Callable<Integer> {
  private final Clock clock;
  private final Environment env;

  @Spec CommandSpec spec;
  @Mixin AnalysisOptions analysis;
  @Mixin OutputOptions output;
  @Mixin VerboseOption verbose;

  public ReportCommand(Clock clock, Environment env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    TimeWindow window = analysis.time.window(clock);
    Renderer renderer = output.renderer(env); // checked before anything is sent
    PrintWriter err = spec.commandLine().getErr();
    Report report =
        analysis.report(window, env, err, verbose.verbose, output.sortBy(), output.top());
    if (output.file != null) {
      Output.toFile(renderer, report, output.file);
      err.println("zonecost: wrote " + output.file);
    } else {
      Output.toWriter(renderer, report, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
