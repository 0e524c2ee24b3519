package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.engine.EngineSettings;
import dev.zonecost.engine.RangeSemantics;
import dev.zonecost.time.TimeParsing;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How much one request reads, and whether to show progress. */
public final class ReadOptions {
  @Option(
      names = "--max-points",
      paramLabel = "N",
      defaultValue = "11000",
      description =
          "Most samples per series in one request (Prometheus refuses more than 11,000): raw"
              + " samples are read in time chunks of N points at --scrape-interval (default:"
              + " ${DEFAULT-VALUE}).")
  int maxPoints;

  @Option(
      names = "--scrape-interval",
      paramLabel = "DURATION",
      defaultValue = "1m",
      description = "Retina's scrape interval, to size the chunks (default: ${DEFAULT-VALUE}).")
  String scrapeInterval;

  @Option(
      names = "--range-semantics",
      paramLabel = "MODE",
      defaultValue = "auto",
      completionCandidates = Candidates.RangeSemanticsValues.class,
      description =
          "Whether the server's [range] selectors include their first instant: closed (Prometheus"
              + " 2), left-open (Prometheus 3, VictoriaMetrics), or auto from its version"
              + " (default: ${DEFAULT-VALUE}; a server without a version counts as left-open).")
  RangeSemantics rangeSemantics;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar (there is none anyway when stderr is not a terminal).")
  boolean quiet;

  public EngineSettings settings(int parallelism, PrintWriter err) {
    if (maxPoints < 2) {
      throw new UsageException("--max-points must be 2 or more, not " + maxPoints);
    }
    Duration chunk = TimeParsing.duration(scrapeInterval).multipliedBy(maxPoints - 1L);
    boolean terminal = System.console() != null && !quiet;
    return new EngineSettings(
        parallelism,
        chunk,
        terminal ? new ProgressBar(err) : dev.zonecost.engine.Progress.NONE,
        rangeSemantics);
  }
}
