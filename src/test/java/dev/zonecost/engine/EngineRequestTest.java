package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.NodeTraffic;
import dev.zonecost.accounting.Places;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.Subnets;
import dev.zonecost.promql.MetricNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request narrowed to a bucket, a segment or whole bill hours keeps everything else: the places
 * above all, which the trend's buckets once dropped (--every with --subnets booked the database as
 * unknown in every bucket).
 */
class EngineRequestTest {
  @Test
  void a_window_a_selection_or_a_source_changes_that_alone() {
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    Places places =
        new Places(
            NodeTraffic.UNKNOWN,
            Subnets.of(List.<String[]>of(new String[] {"10.0.200.0/24", "us-east-1c", "rds"})));
    EngineRequest r =
        new EngineRequest(
            start,
            start.plusSeconds(7200),
            DedupeMode.MAX,
            DataAggregationLevel.HIGH,
            Selection.ALL,
            GroupBy.POD,
            MetricNames.DEFAULT,
            true,
            Duration.ofHours(2),
            "retina",
            places);
    EngineRequest bucket = r.withWindow(start, start.plusSeconds(600));
    assertEquals(start.plusSeconds(600), bucket.end());
    assertEquals(places, bucket.places());
    assertEquals(r, bucket.withWindow(r.start(), r.end()));
    assertEquals(places, r.withSelection(Selection.ALL).places());
    assertEquals("istio", r.withSource("istio").source());
    assertEquals(places, r.withSource("istio").places());
  }
}
