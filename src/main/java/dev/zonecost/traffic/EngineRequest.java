package dev.zonecost.traffic;

import dev.zonecost.promql.MetricNames;
import java.time.Instant;

/**
 * What one report asks of the engine.
 *
 * @param names the metric and zone label names, when a scrape config renamed them
 */
public record EngineRequest(
    Instant start,
    Instant end,
    DedupeMode dedupe,
    DataAggregationLevel level,
    Selection selection,
    GroupBy groupBy,
    MetricNames names) {

  /** With the usual metric and label names. */
  public EngineRequest(
      Instant start,
      Instant end,
      DedupeMode dedupe,
      DataAggregationLevel level,
      Selection selection,
      GroupBy groupBy) {
    this(start, end, dedupe, level, selection, groupBy, MetricNames.DEFAULT);
  }
}
