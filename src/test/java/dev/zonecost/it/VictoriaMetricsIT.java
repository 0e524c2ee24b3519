package dev.zonecost.it;

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
 * The engine against a real VictoriaMetrics (Debian's 1.79): the simulator's cluster is imported
 * through the Prometheus text endpoint, and {@code zonecost report} must print the simulator's
 * exact answer, as on Prometheus (AccountingIT), for the whole span and for a window that starts
 * and ends between scrapes. docs/backends.md says what differs on VictoriaMetrics and why the
 * answer is still exact.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class VictoriaMetricsIT {
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
    try (VictoriaMetricsServer prom = VictoriaMetricsServer.start(tmp)) {
      prom.importOpenMetrics(cluster::writeOpenMetrics);
      prom.awaitSamples(
          "{__name__=~\".+\"}",
          cluster.end(),
          Duration.between(cluster.dataStart(), cluster.end()).plusHours(1),
          cluster.sampleCount());
      assertExact(prom, cluster, level, cluster.start(), cluster.end(), nativeZones);
      // A window that starts and ends between scrapes, across the rolling restart and the reset.
      Instant start = cluster.start().plus(Duration.ofMinutes(37)).plusSeconds(30);
      Instant end = cluster.end().minus(Duration.ofMinutes(13)).minusSeconds(20);
      assertExact(prom, cluster, level, start, end, nativeZones);
      // A window on scrape timestamps: VictoriaMetrics' ranges leave out their first instant, and
      // an instant selector at a sample's exact time is where REFERENCE expects it to differ.
      Instant onScrapeStart = cluster.start().plus(Duration.ofMinutes(30));
      Instant onScrapeEnd = cluster.end().minus(Duration.ofMinutes(10));
      assertExact(prom, cluster, level, onScrapeStart, onScrapeEnd, nativeZones);
    }
  }

  private static JsonNode assertExact(
      VictoriaMetricsServer server,
      SimulatedCluster cluster,
      DataAggregationLevel level,
      Instant start,
      Instant end,
      boolean nativeZones,
      String... extra)
      throws Exception {
    return ExactAnswer.assertExact(
        "VictoriaMetrics", server.url(), cluster, level, start, end, nativeZones, extra);
  }
}
