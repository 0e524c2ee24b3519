package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import dev.zonecost.traffic.DataAggregationLevel;
import dev.zonecost.traffic.Locality;
import dev.zonecost.traffic.TrafficKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against a real Prometheus: the simulator's cluster is backfilled with promtool, and
 * {@code zonecost report} must print the simulator's exact answer (DESIGN §3), row by row, for the
 * whole span and for a window that starts and ends between scrapes.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class AccountingIT {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  static Stream<Arguments> clusters() {
    return Stream.of(
        Arguments.of("seed", DataAggregationLevel.LOW, false),
        Arguments.of("seed", DataAggregationLevel.HIGH, false),
        Arguments.of("edge", DataAggregationLevel.LOW, false),
        Arguments.of("edge", DataAggregationLevel.HIGH, false),
        Arguments.of("edge", DataAggregationLevel.LOW, true),
        Arguments.of("edge", DataAggregationLevel.HIGH, true));
  }

  @ParameterizedTest(name = "{0} level={1} nativeZones={2}")
  @MethodSource("clusters")
  void should_print_the_simulators_exact_answer(
      String scenario, DataAggregationLevel level, boolean nativeZones, @TempDir Path tmp)
      throws Exception {
    SimulatedCluster cluster =
        Simulator.generate(
            new SimulationSpec(scenario, END, 2, Duration.ofSeconds(60), level, nativeZones, 42));
    try (PrometheusServer prom = PrometheusServer.start(tmp, cluster::writeOpenMetrics)) {
      assertExact(prom, cluster, level, cluster.start(), cluster.end(), nativeZones);
      // Raw samples of the reset series read in 7 chunks of 20 minutes give the same answer.
      assertExact(
          prom, cluster, level, cluster.start(), cluster.end(), nativeZones, "--max-points", "21");
      // A window that starts and ends between scrapes, across the rolling restart and the reset.
      Instant start = cluster.start().plus(Duration.ofMinutes(37)).plusSeconds(30);
      Instant end = cluster.end().minus(Duration.ofMinutes(13)).minusSeconds(20);
      assertExact(prom, cluster, level, start, end, nativeZones);
    }
  }

  private static void assertExact(
      PrometheusServer prom,
      SimulatedCluster cluster,
      DataAggregationLevel level,
      Instant start,
      Instant end,
      boolean nativeZones,
      String... extra)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--prometheus-url",
                prom.url(),
                "--start",
                start.toString(),
                "--end",
                end.toString(),
                "--data-aggregation-level",
                level.label(),
                "-o",
                "json"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.run(Clock.fixed(END, ZoneOffset.UTC), args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.describe());
    JsonNode doc = ReportRows.parse(run.out());
    Map<TrafficKey, Long> actual = ReportRows.rows(doc);
    Map<TrafficKey, Long> expected = ReportRows.rows(cluster.expected(start, end));

    assertEquals(
        new TreeSet<>(expected.keySet().stream().map(Object::toString).toList()),
        new TreeSet<>(actual.keySet().stream().map(Object::toString).toList()),
        "rows (workload pairs and zones) differ\n" + run.describe());
    double worst = 0;
    for (var e : expected.entrySet()) {
      long got = actual.get(e.getKey());
      worst = Math.max(worst, Math.abs(got - e.getValue()) / (double) e.getValue());
      assertEquals(e.getValue(), got, "bytes of " + e.getKey());
    }
    System.out.printf(
        "AccountingIT %s %s..%s rows=%d worst row error=%.6f%%%n",
        cluster.start(), start, end, expected.size(), worst * 100);

    long sum = actual.values().stream().mapToLong(Long::longValue).sum();
    JsonNode totals = doc.get("totals");
    assertEquals(sum, totals.get("all").asLong(), "totals.all is the sum of the rows");
    long byLocality = 0;
    for (Locality l : Locality.values()) {
      byLocality += totals.get(l.label()).asLong();
    }
    assertEquals(sum, byLocality, "same + cross + unknown = all");
    long matrix = 0;
    for (JsonNode cell : doc.get("zoneMatrix")) {
      matrix += cell.get("bytes").asLong();
    }
    assertEquals(sum, matrix, "the zone matrix sums to the rows");
    assertTrue(totals.get("cross-zone").asLong() > 0, "cross-zone traffic present");
    if (nativeZones) {
      assertEquals("retina", doc.get("metadata").get("zoneSource").asText(), run.describe());
    } else {
      assertEquals(
          "kube-state-metrics", doc.get("metadata").get("zoneSource").asText(), run.describe());
    }
    assertFalse(doc.get("metadata").get("queries").isEmpty());
    if (extra.length > 0 && cluster.scenario().equals("edge")) {
      String queries = doc.get("metadata").get("queries").toString();
      assertTrue(queries.contains("in 7 time chunks"), queries);
    }
  }
}
