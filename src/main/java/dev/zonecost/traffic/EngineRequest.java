package dev.zonecost.traffic;

import java.time.Instant;

/** What one report asks of the engine. Namespace regexes are null when not set. */
public record EngineRequest(
    Instant start,
    Instant end,
    DedupeMode dedupe,
    DataAggregationLevel level,
    String sourceNamespaceRegex,
    String destinationNamespaceRegex) {}
