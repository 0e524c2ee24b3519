package dev.zonecost.promql;

import java.time.Duration;
import java.time.Instant;

/**
 * The window queries are evaluated for (at its end), and whether the server's range selectors
 * exclude their start instant.
 *
 * @param leftOpenRanges whether ranges exclude their start (Prometheus 3 and VictoriaMetrics)
 *     rather than include it (Prometheus 2); ranges are then one millisecond longer so they still
 *     begin exactly at the window's start
 */
public record QueryWindow(Instant start, Instant end, boolean leftOpenRanges) {
  public Duration length() {
    return Duration.between(start, end);
  }

  /** A range of {@code d} as the server must be asked for it. */
  public Duration rangeFor(Duration d) {
    return leftOpenRanges ? d.plusMillis(1) : d;
  }
}
