package dev.zonecost.cli;

import dev.zonecost.time.TimeWindow;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The window: --since, or --start/--end. */
public final class TimeRangeOptions {
  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description =
          "Window length ending at --end or now, e.g. 90m, 24h, 7d (default: 24h for report and"
              + " query, 1h for doctor).")
  String since;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      description = "Window start, RFC 3339 (2026-11-01T00:00:00Z) or Unix seconds.")
  String start;

  @Option(
      names = "--end",
      paramLabel = "TIME",
      description = "Window end, RFC 3339, Unix seconds or 'now' (default: now, to the minute).")
  String end;

  public TimeWindow window(Clock clock) {
    return TimeWindow.resolve(start, end, since, clock);
  }
}
