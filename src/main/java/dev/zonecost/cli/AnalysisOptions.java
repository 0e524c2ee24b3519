package dev.zonecost.cli;

import dev.zonecost.common.Timings;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.prometheus.PrometheusClient;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportBuilder;
import dev.zonecost.report.ReportService;
import dev.zonecost.report.RowOrder;
import dev.zonecost.time.TimeWindow;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/** What {@code report} and {@code check} share: the options of a report and the path to one. */
public final class AnalysisOptions {
  @Mixin TimeRangeOptions time = new TimeRangeOptions();
  @Mixin AccountingOptions accounting = new AccountingOptions();
  @Mixin PricingOptions pricing = new PricingOptions();
  @Mixin ReadOptions read = new ReadOptions();
  @Mixin PrometheusOptions prometheus = new PrometheusOptions();

  /** Where the client's requests and the report's own work are timed ({@code report --timings}). */
  Timings timings = Timings.OFF;

  /**
   * Every option is checked before the client sends anything.
   *
   * @param sayClipped whether to say on stderr that the window was clipped ({@code check} refuses a
   *     clipped window with the same sentence, so it says it only when it judges one)
   */
  Report report(
      TimeWindow window,
      Environment env,
      PrintWriter err,
      boolean verbose,
      RowOrder.SortBy sortBy,
      Integer top,
      boolean sayClipped) {
    EngineRequest request = accounting.request(window);
    return withService(
        env,
        err,
        verbose,
        service -> {
          Report report = timings.phase(REPORT, () -> service.report(request, sortBy, top));
          if (sayClipped && report.metadata().edges().clipped()) {
            err.println("zonecost: " + ReportBuilder.clippedNote(report.metadata().edges()));
          }
          return report;
        });
  }

  /** The phase of {@code --timings} that is the report's own work on the command's thread. */
  static final String REPORT = "report's own work on the command's thread";

  /** The engine request of a window, with every accounting option. */
  EngineRequest request(TimeWindow window) {
    return accounting.request(window);
  }

  /** Runs {@code work} with a report service on one client, closed afterwards. */
  <T> T withService(
      Environment env, PrintWriter err, boolean verbose, Function<ReportService, T> work) {
    return withClient(env, err, verbose, (service, api) -> work.apply(service));
  }

  /** The same, with the client too (for the queries {@code advise} adds). */
  <T> T withClient(
      Environment env,
      PrintWriter err,
      boolean verbose,
      java.util.function.BiFunction<ReportService, dev.zonecost.prometheus.PrometheusApi, T> work) {
    CostEstimator prices = new CostEstimator(pricing.selection());
    try (PrometheusClient client = prometheus.client(env, err, verbose, timings)) {
      return work.apply(
          new ReportService(
              client,
              read.settings(prometheus.parallelism(), err),
              VersionProvider.version(),
              prices),
          client);
    }
  }

  /** The price book the options select. */
  CostEstimator prices() {
    return new CostEstimator(pricing.selection());
  }

  int parallelism() {
    return prometheus.parallelism();
  }
}
