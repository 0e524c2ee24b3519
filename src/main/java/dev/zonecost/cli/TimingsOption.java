package dev.zonecost.cli;

import dev.zonecost.common.Timings;
import dev.zonecost.common.UsageException;
import dev.zonecost.promql.LabelledQuery;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import picocli.CommandLine.Option;

/** --timings: where a report's time went, as a table on stderr ({@link TimingsTable}). */
public final class TimingsOption {
  @Option(
      names = "--timings",
      description =
          "Print on stderr where the time went: each request's server time (asked with"
              + " stats=all), wait, read and bytes, the report's own work, and rendering.")
  boolean timings;

  /**
   * A collector that starts with the JVM's start, or {@link Timings#OFF}.
   *
   * @param several whether the command makes several reports ({@code --every}, {@code
   *     --compare-to}), whose work runs on other threads: refused with {@code --timings}
   */
  Timings collector(boolean several) {
    if (!timings) {
      return Timings.OFF;
    }
    if (several) {
      throw new UsageException("--timings goes with one report, not with --every or --compare-to");
    }
    Timings t = Timings.recording();
    long sinceStart = ManagementFactory.getRuntimeMXBean().getUptime();
    t.phase(new Timings.Phase(TimingsTable.JVM_START, sinceStart * 1_000_000L, 0));
    return t;
  }

  /** Prints the table when the collector records; {@code queries} name the requests. */
  static void print(Timings t, List<LabelledQuery> queries, PrintWriter err) {
    if (t.on()) {
      long total = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
      TimingsTable.lines(t, queries, total).forEach(err::println);
      err.flush();
    }
  }
}
