package dev.zonecost.time;

import dev.zonecost.common.UsageException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The window a report covers, from {@code --start/--end} or {@code --since}. */
public record TimeWindow(Instant start, Instant end) {

  public static final Duration DEFAULT_SINCE = Duration.ofHours(24);

  /**
   * Resolves the options. {@code end} defaults to now, floored to the minute so that two runs in
   * the same minute read the same window ({@code now} says so explicitly); {@code start} to {@code
   * end − since}.
   */
  public static TimeWindow resolve(String start, String end, String since, Clock clock) {
    if (start != null && since != null) {
      throw new UsageException("--since and --start both set the window's start: give one of them");
    }
    // "now" as kubectl and Grafana users write it: the default, said out loud.
    Instant e =
        end != null && !isNow(end)
            ? TimeParsing.instant(end)
            : clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Duration back = since != null ? TimeParsing.duration(since) : DEFAULT_SINCE;
    Instant s;
    try {
      s = start != null ? TimeParsing.instant(start) : e.minus(back);
    } catch (DateTimeException | ArithmeticException beforeTime) {
      throw new UsageException("--since " + since + " reaches before the year -1000000000");
    }
    if (s.isBefore(Instant.EPOCH)) {
      throw new UsageException(
          "the window starts " + s + ", before 1970: shorten --since or move --end");
    }
    if (!s.isBefore(e)) {
      throw new UsageException(
          "the window is empty: start " + s + " is not before end " + e + " (check --start/--end)");
    }
    return new TimeWindow(s, e);
  }

  /** {@code --end now}: the current minute, as when --end is not given. */
  public static boolean isNow(String end) {
    return end.strip().equalsIgnoreCase("now");
  }

  public Duration length() {
    return Duration.between(start, end);
  }
}
