package dev.zonecost.traffic;

import dev.zonecost.promql.MetricNames;
import java.time.Instant;

/**
 * What one report asks of the engine.
 *
 * @param names the metric and zone label names, when a scrape config renamed them
 * @param byCluster whether rows are split by the series' {@code cluster} label
 */
public record EngineRequest(
    Instant start,
    Instant end,
    DedupeMode dedupe,
    DataAggregationLevel level,
    Selection selection,
    GroupBy groupBy,
    MetricNames names,
    boolean byCluster) {

  /** With the usual metric and label names. */
  public EngineRequest(
      Instant start,
      Instant end,
      DedupeMode dedupe,
      DataAggregationLevel level,
      Selection selection,
      GroupBy groupBy) {
    this(start, end, dedupe, level, selection, groupBy, MetricNames.DEFAULT, false);
  }
}
