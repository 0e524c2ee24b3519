package dev.zonecost.promql;

import dev.zonecost.traffic.Selection;
import java.time.Duration;
import java.time.Instant;

/**
 * What the query text depends on.
 *
 * @param leftOpenRanges whether the server's range selectors exclude their start instant
 *     (Prometheus 3 and VictoriaMetrics) rather than include it (Prometheus 2); ranges are then one
 *     millisecond longer so they still begin exactly at the window's start
 */
public record QuerySettings(
    Instant start,
    Instant end,
    String directionRegex,
    Selection selection,
    MetricNames names,
    boolean leftOpenRanges) {

  public Duration window() {
    return Duration.between(start, end);
  }

  Duration rangeFor(Duration d) {
    return leftOpenRanges ? d.plusMillis(1) : d;
  }
}
