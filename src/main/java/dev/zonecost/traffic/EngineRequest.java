package dev.zonecost.traffic;

import java.time.Instant;

/** What one report asks of the engine. */
public record EngineRequest(
    Instant start,
    Instant end,
    DedupeMode dedupe,
    DataAggregationLevel level,
    Selection selection,
    GroupBy groupBy) {}
