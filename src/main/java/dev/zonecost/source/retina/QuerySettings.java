package dev.zonecost.source.retina;

import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.ByteSources;
import java.time.Duration;
import java.time.Instant;

/**
 * What the query text depends on.
 *
 * @param leftOpenRanges whether the server's range selectors exclude their start instant
 *     (Prometheus 3 and VictoriaMetrics) rather than include it (Prometheus 2); ranges are then one
 *     millisecond longer so they still begin exactly at the window's start
 * @param lookBehind how far before the window a sample proves that a series (or its agent) already
 *     existed: DESIGN §3's look-behind {@code [start − L, start)}
 * @param source the byte source whose counter {@code names().forwardBytes()} is (Retina unless
 *     {@code --source} says otherwise): it adds its own matchers to the counter's selector
 */
public record QuerySettings(
    Instant start,
    Instant end,
    String directionRegex,
    Selection selection,
    MetricNames names,
    boolean leftOpenRanges,
    Duration lookBehind,
    ByteSource source) {

  /** The look-behind when none is given: one hour (DESIGN §3). */
  public static final Duration DEFAULT_LOOK_BEHIND = Duration.ofHours(1);

  /** Retina's counter. */
  public QuerySettings(
      Instant start,
      Instant end,
      String directionRegex,
      Selection selection,
      MetricNames names,
      boolean leftOpenRanges,
      Duration lookBehind) {
    this(
        start,
        end,
        directionRegex,
        selection,
        names,
        leftOpenRanges,
        lookBehind,
        ByteSources.RETINA);
  }

  /** The same settings for another counter of the source (Istio's second metric). */
  public QuerySettings withMetric(String metric) {
    return new QuerySettings(
        start,
        end,
        directionRegex,
        selection,
        new MetricNames(metric, names.zoneLabel(), names.clusterLabel()),
        leftOpenRanges,
        lookBehind,
        source);
  }

  /** With the default look-behind. */
  public QuerySettings(
      Instant start,
      Instant end,
      String directionRegex,
      Selection selection,
      MetricNames names,
      boolean leftOpenRanges) {
    this(start, end, directionRegex, selection, names, leftOpenRanges, DEFAULT_LOOK_BEHIND);
  }

  public Duration window() {
    return Duration.between(start, end);
  }

  Duration rangeFor(Duration d) {
    return leftOpenRanges ? d.plusMillis(1) : d;
  }
}
