package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import dev.zonecost.source.QueryPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window form (one full read, edge reads, reads by name, located resets) against the definition
 * on real servers: random windows over the {@code edge} cluster — its rolling restart, agent reset,
 * expiring pair and outage — each exact to the byte against the simulator's own answer, among them
 * windows shorter than the edge reads and windows whose edges cut a reset's neighbourhood. The seed
 * is printed; {@code -Dwindows.seed=N} repeats a run.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class RandomWindowsIT {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final int WINDOWS = 8;

  private static SimulatedCluster cluster() {
    return Simulator.generate(SimulationSpec.builder("edge", END).hours(2).seed(42).build());
  }

  private static void randomWindows(String backend, String url, SimulatedCluster cluster)
      throws Exception {
    long seed = Long.getLong("windows.seed", System.nanoTime());
    System.out.println(backend + " random windows, -Dwindows.seed=" + seed);
    Random r = new Random(seed);
    long span = Duration.between(cluster.start(), cluster.end()).toSeconds();
    // the whole span first: its agent reset is located, not read sample by sample
    JsonNode whole =
        ExactAnswer.assertExact(
            backend, url, cluster, DataAggregationLevel.LOW, cluster.start(), cluster.end(), false);
    String sent = whole.get("metadata").get("queries").toString();
    assertTrue(sent.contains(QueryPlan.RESET_SAMPLES_LABEL), sent);
    for (int i = 0; i < WINDOWS; i++) {
      Instant start;
      Instant end;
      do {
        // a short window can hold one scrape only, or lie in the cluster's scrape outage: the
        // model then has no bytes (report exits 5, tested elsewhere); draw another
        long length = i < 2 ? 60 + r.nextInt(540) : 600 + r.nextInt((int) span - 600);
        long from = r.nextInt((int) (span - length) + 1);
        start = cluster.start().plusSeconds(from).plusMillis(r.nextInt(1000));
        end = start.plusSeconds(length);
      } while (cluster.answer().expected(start, end).stream().allMatch(row -> row.bytes() == 0));
      ExactAnswer.assertExact(backend, url, cluster, DataAggregationLevel.LOW, start, end, false);
    }
  }

  @Test
  void random_windows_on_prometheus_are_exact(@TempDir Path tmp) throws Exception {
    SimulatedCluster cluster = cluster();
    try (PrometheusServer prom = PrometheusServer.start(tmp, cluster::writeOpenMetrics)) {
      randomWindows("Prometheus", prom.url(), cluster);
    }
  }

  @Test
  void random_windows_on_victoriametrics_are_exact(@TempDir Path tmp) throws Exception {
    SimulatedCluster cluster = cluster();
    try (VictoriaMetricsServer vm = VictoriaMetricsServer.start(tmp)) {
      vm.importOpenMetrics(cluster::writeOpenMetrics);
      vm.awaitSamples(
          "{__name__=~\".+\"}",
          cluster.end(),
          Duration.between(cluster.dataStart(), cluster.end()).plusHours(1),
          cluster.sampleCount());
      randomWindows("VictoriaMetrics", vm.url(), cluster);
    }
  }
}
