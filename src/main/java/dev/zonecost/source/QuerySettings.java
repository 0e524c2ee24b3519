package dev.zonecost.source;

import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.promql.QueryWindow;
import dev.zonecost.promql.Scope;
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
 * @param source the byte source whose counter {@code names().forwardBytes()} is: it adds its own
 *     matchers to the counter's selector
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

  public Duration window() {
    return Duration.between(start, end);
  }

  Duration rangeFor(Duration d) {
    return queryWindow().rangeFor(d);
  }

  /** The user's names and the selected cluster, as every builder takes them. */
  public Scope scope() {
    return new Scope(names, selection.cluster());
  }

  public QueryWindow queryWindow() {
    return new QueryWindow(start, end, leftOpenRanges);
  }
}
