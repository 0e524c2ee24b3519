package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against a real Prometheus: the simulator's cluster is backfilled with promtool, and
 * {@code zonecost report} must print the simulator's exact answer (DESIGN §3), row by row, for the
 * whole span and for a window that starts and ends between scrapes.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class AccountingIT {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  @ParameterizedTest(name = "{0} level={1} nativeZones={2}")
  @MethodSource("dev.zonecost.it.ExactAnswer#clusters")
  void should_print_the_simulators_exact_answer(
      String scenario, DataAggregationLevel level, boolean nativeZones, @TempDir Path tmp)
      throws Exception {
    SimulatedCluster cluster =
        Simulator.generate(
            SimulationSpec.builder(scenario, END)
                .hours(2)
                .level(level)
                .nativeZones(nativeZones)
                .seed(42)
                .build());
    try (PrometheusServer prom = PrometheusServer.start(tmp, cluster::writeOpenMetrics)) {
      assertExact(prom, cluster, level, cluster.start(), cluster.end(), nativeZones);
      // Raw samples of the reset series read in 6 chunks of 20 minutes give the same answer.
      JsonNode chunked =
          assertExact(
              prom,
              cluster,
              level,
              cluster.start(),
              cluster.end(),
              nativeZones,
              "--max-points",
              "21");
      if (scenario.equals("edge")) {
        String queries = chunked.get("metadata").get("queries").toString();
        assertTrue(queries.contains("in 6 time chunks"), queries);
      }
      // A window that starts and ends between scrapes, across the rolling restart and the reset.
      Instant start = cluster.start().plus(Duration.ofMinutes(37)).plusSeconds(30);
      Instant end = cluster.end().minus(Duration.ofMinutes(13)).minusSeconds(20);
      assertExact(prom, cluster, level, start, end, nativeZones);
    }
  }

  private static JsonNode assertExact(
      PrometheusServer server,
      SimulatedCluster cluster,
      DataAggregationLevel level,
      Instant start,
      Instant end,
      boolean nativeZones,
      String... extra)
      throws Exception {
    return ExactAnswer.assertExact(
        "Prometheus", server.url(), cluster, level, start, end, nativeZones, extra);
  }
}
