package dev.zonecost.engine;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Places;
import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.source.QuerySettings;
import java.time.Duration;
import java.time.Instant;

/**
 * What one report asks of the engine.
 *
 * @param names the metric and zone label names, when a scrape config renamed them
 * @param byCluster whether rows are split by the series' {@code cluster} label
 * @param lookBehind DESIGN §3's look-behind: a sample this long before the window's start proves a
 *     series (or its agent) existed before it
 * @param source {@code retina}, {@code beyla}, {@code istio}, or {@code auto} (the first with data
 *     in the window, Retina first)
 * @param places what the report knows of ends that are not pods: nodes named or not, subnets
 */
public record EngineRequest(
    Instant start,
    Instant end,
    DedupeMode dedupe,
    DataAggregationLevel level,
    Selection selection,
    GroupBy groupBy,
    MetricNames names,
    boolean byCluster,
    Duration lookBehind,
    String source,
    Places places) {

  /** Nodes named as nodes. */
  public EngineRequest(
      Instant start,
      Instant end,
      DedupeMode dedupe,
      DataAggregationLevel level,
      Selection selection,
      GroupBy groupBy,
      MetricNames names,
      boolean byCluster,
      Duration lookBehind,
      String source) {
    this(
        start,
        end,
        dedupe,
        level,
        selection,
        groupBy,
        names,
        byCluster,
        lookBehind,
        source,
        Places.DEFAULT);
  }

  /** The same request read from another source. */
  public EngineRequest withSource(String name) {
    return with(start, end, selection, name);
  }

  /** The same request over another window (a bucket, a segment, whole bill hours). */
  public EngineRequest withWindow(Instant from, Instant to) {
    return with(from, to, selection, source);
  }

  /** The same request with another selection. */
  public EngineRequest withSelection(Selection s) {
    return with(start, end, s, source);
  }

  private EngineRequest with(Instant from, Instant to, Selection s, String src) {
    return new EngineRequest(
        from, to, dedupe, level, s, groupBy, names, byCluster, lookBehind, src, places);
  }

  /** With the usual metric and label names, the default look-behind, under {@code auto}. */
  public EngineRequest(
      Instant start,
      Instant end,
      DedupeMode dedupe,
      DataAggregationLevel level,
      Selection selection,
      GroupBy groupBy) {
    this(
        start,
        end,
        dedupe,
        level,
        selection,
        groupBy,
        MetricNames.DEFAULT,
        false,
        QuerySettings.DEFAULT_LOOK_BEHIND,
        ByteSources.AUTO);
  }
}
