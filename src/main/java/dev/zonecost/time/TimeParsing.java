package dev.zonecost.time;

import dev.zonecost.common.UsageException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times as RFC 3339 or Unix seconds, durations as Prometheus writes them (1h30m, 7d, 90s). */
public final class TimeParsing {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

  /** The last instant RFC 3339 can write (year 9999). */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** Longer than any window or interval a user means; keeps every sum far from overflow. */
  public static final Duration LONGEST = Duration.ofDays(365L * 1000);

  private TimeParsing() {}

  public static Instant instant(String text) {
    String t = text.trim();
    if (t.matches("\\d{1,20}(\\.\\d{1,9})?")) {
      BigDecimal millis = new BigDecimal(t).movePointRight(3);
      if (millis.compareTo(BigDecimal.valueOf(LATEST.toEpochMilli())) > 0) {
        throw new UsageException(
            "'"
                + text
                + "' is too far in the future: Unix seconds up to "
                + LATEST.getEpochSecond());
      }
      return Instant.ofEpochMilli(millis.longValue());
    }
    try {
      Instant parsed = OffsetDateTime.parse(t).toInstant();
      if (parsed.isAfter(LATEST) || parsed.isBefore(Instant.EPOCH)) {
        throw new UsageException("'" + text + "' is outside 1970 .. 9999");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "'" + text + "' is not a time: use RFC 3339 (2026-11-01T00:00:00Z) or Unix seconds");
    }
  }

  public static Duration duration(String text) {
    String t = text.trim();
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int pos = 0;
    while (m.find() && m.start() == pos) {
      try {
        long n = Long.parseLong(m.group(1));
        total =
            total.plus(
                switch (m.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  case "d" -> Duration.ofDays(n);
                  case "w" -> Duration.ofDays(Math.multiplyExact(7, n));
                  default -> Duration.ofDays(Math.multiplyExact(365, n));
                });
      } catch (NumberFormatException | ArithmeticException tooLong) {
        total = LONGEST.plusMillis(1);
      }
      if (total.compareTo(LONGEST) > 0) {
        throw new UsageException("'" + text + "' is too long a duration: at most 1000y");
      }
      pos = m.end();
    }
    if (pos != t.length() || t.isEmpty() || total.isZero()) {
      throw new UsageException(
          "'"
              + text
              + "' is not a duration: use a number and a unit, like 90s, 15m, 24h, 7d or 1h30m");
    }
    return total;
  }

  /** A duration as Prometheus prints it: 1d2h, 15m, 90s. */
  public static String format(Duration d) {
    long s = d.toSeconds();
    if (s == 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder sb = new StringBuilder();
    long[] sizes = {86400, 3600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (s >= sizes[i]) {
        sb.append(s / sizes[i]).append(units[i]);
        s %= sizes[i];
      }
    }
    return sb.toString();
  }
}
