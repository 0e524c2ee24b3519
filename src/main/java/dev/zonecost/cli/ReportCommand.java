package dev.zonecost.cli;

import dev.zonecost.check.Baseline;
import dev.zonecost.common.UsageException;
import dev.zonecost.compare.CompareService;
import dev.zonecost.compare.Comparison;
import dev.zonecost.compare.ComparisonRenderers;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.render.Renderer;
import dev.zonecost.render.TrendRenderers;
import dev.zonecost.report.Bucket;
import dev.zonecost.report.BucketEdges;
import dev.zonecost.report.Report;
import dev.zonecost.report.Trend;
import dev.zonecost.report.TrendService;
import dev.zonecost.time.TimeWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
      "  zonecost report --since 7d --from-namespace 'app-.*' --to-workload db -o json",
      "  zonecost report --since 30d --use-recording-rules   # with `zonecost rules` loaded",
      "  zonecost report --since 24h --source beyla"
    })
public final class ReportCommand implements Callable<Integer> {
  private final Clock clock;
  private final Environment env;

  @Spec CommandSpec spec;
  @Mixin AnalysisOptions analysis;
  @Mixin OutputOptions output;
  @Mixin TrendOptions trend;
  @Mixin VerboseOption verbose;
  @Mixin TimingsOption timings;

  public ReportCommand(Clock clock, Environment env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    output.formatFromFile(spec.commandLine().getParseResult().hasMatchedOption("--output"));
    TimeWindow window = analysis.time.window(clock);
    Duration recorded = trend.recordingRules(); // refuses --every and --compare-to with it
    Duration every = trend.every();
    TimeWindow earlier = trend.compareWindow();
    Path earlierFile = trend.compareFile();
    analysis.timings = timings.collector(every != null || earlier != null || earlierFile != null);
    if (earlier != null || earlierFile != null) {
      return compare(window, earlier, earlierFile);
    }
    Renderer renderer = output.renderer(env); // checked before anything is sent
    PrintWriter err = spec.commandLine().getErr();
    if (every != null) {
      boolean headers = !output.noHeaders;
      boolean color = renderer instanceof dev.zonecost.render.TableRenderer && output.colored(env);
      if (output.csvLayout != dev.zonecost.render.CsvLayout.TIDY) {
        throw new UsageException("--every goes with the tidy CSV layout, not --csv-layout matrix");
      }
      TrendRenderers.of(output.format, null, headers, color); // refuses a format before sending
      EngineRequest request = analysis.request(window);
      BucketEdges.cut(request.start(), request.end(), every);
      Trended done =
          analysis.withService(
              env,
              err,
              verbose.verbose,
              service -> {
                Report whole = service.report(request, output.sortBy(), output.top());
                List<Bucket> buckets = new TrendService(service).buckets(request, every);
                return new Trended(whole, Trend.of(every, buckets, whole));
              });
      write(TrendRenderers.of(output.format, done.trend(), headers, color), done.report(), err);
      return ExitCodes.OK;
    }
    Report report =
        recorded == null
            ? analysis.report(
                window, env, err, verbose.verbose, output.sortBy(), output.top(), true)
            : analysis.withService(
                env,
                err,
                verbose.verbose,
                service ->
                    analysis.timings.phase(
                        AnalysisOptions.REPORT,
                        () ->
                            service.recorded(
                                analysis.request(window),
                                recorded,
                                output.sortBy(),
                                output.top())));
    analysis.timings.phase("rendering", () -> write(renderer, report, err));
    TimingsOption.print(analysis.timings, report.metadata().queries(), err);
    return ExitCodes.OK;
  }

  private Void write(Renderer renderer, Report report, PrintWriter err) throws IOException {
    DataOutput.write(
        output.file, spec.commandLine().getOut(), err, w -> renderer.render(report, w));
    return null;
  }

  private record Trended(Report report, Trend trend) {}

  /** {@code --compare-to}: the window against an earlier window or a saved report. */
  private int compare(TimeWindow window, TimeWindow earlier, Path earlierFile) throws IOException {
    ComparisonRenderers.View view =
        ComparisonRenderers.of(
            output.format.name().toLowerCase(java.util.Locale.ROOT), !output.noHeaders);
    PrintWriter err = spec.commandLine().getErr();
    Baseline saved = earlierFile == null ? null : Baseline.read(earlierFile);
    Comparison c =
        analysis.withService(
            env,
            err,
            verbose.verbose,
            service ->
                saved == null
                    ? new CompareService(service)
                        .against(analysis.request(window), analysis.request(earlier))
                    : new CompareService(service)
                        .against(analysis.request(window), saved, earlierFile.toString()));
    DataOutput.write(output.file, spec.commandLine().getOut(), err, w -> view.render(c, w));
    return ExitCodes.OK;
  }
}
