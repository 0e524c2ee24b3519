package dev.zonecost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.monitoring.RecordedQueries;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedRulesTest {
  private static Series pair(String src, String dst, String sz, String dz, double bytes) {
    return new Series(
        Map.of(
            "source_namespace", "a",
            "source_workload", src,
            "source_zone", sz,
            "destination_namespace", "b",
            "destination_workload", dst,
            "destination_zone", dz),
        List.of(new Sample(0, bytes)));
  }

  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void should_leave_out_the_sample_at_the_start_on_servers_with_closed_ranges() {
    Duration day = Duration.ofDays(1);
    String pairs = RecordedQueries.series(Duration.ofMinutes(5));
    String closed = RecordedQueries.query(Selection.ALL, pairs, day, END, false);
    String open = RecordedQueries.query(Selection.ALL, pairs, day, END, true);
    assertEquals(
        "sum by (source_namespace, source_workload, source_zone, destination_namespace,"
            + " destination_workload, destination_zone)"
            + " (sum_over_time(zonecost:retina_pair_zone_bytes:increase5m[86399999ms] @"
            + " 1793491200.000))",
        closed);
    assertEquals(closed.replace("[86399999ms]", "[86400s]"), open);
  }

  @Test
  void should_put_the_namespace_selection_into_matchers() {
    Selection sel = new Selection("app-.*", null, null, null, null, "kube-\"x", null, null, null);
    String matchers = "{source_namespace=~\"app-.*\", destination_namespace!~\"kube-\\\"x\"}";
    String pairs = RecordedQueries.series(Duration.ofMinutes(10));
    assertEquals(
        true,
        RecordedQueries.query(sel, pairs, Duration.ofHours(1), END, true)
            .contains("increase10m" + matchers + "[3600s]"));
    assertEquals(
        "max(max_over_time(timestamp(zonecost:retina_pair_zone_bytes:increase10m_sum1h"
            + matchers
            + ")[1h:1m]))",
        RecordedQueries.newestRollup(sel, pairs + "_sum1h"));
  }

  @Test
  void should_make_rows_with_unknown_for_empty_zones_and_apply_the_workload_regexes() {
    List<TrafficRow> rows =
        RecordedRules.rows(
            List.of(
                pair("client", "server", "z1", "z2", 1000.4),
                pair("client", "server", "", "z2", 10),
                pair("client", "db", "z1", "z1", 7),
                pair("client", "server", "z1", "z1", 0)),
            new Selection(null, null, null, "server"));
    assertEquals(2, rows.size(), rows.toString());
    assertEquals(1000, rows.get(0).bytes());
    assertEquals(Locality.CROSS_ZONE, rows.get(0).locality());
    assertEquals("unknown", rows.get(1).key().sourceZone());
    assertEquals(Locality.UNKNOWN_ZONE, rows.get(1).locality());
  }
}
