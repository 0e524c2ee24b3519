package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate's cAdvisor counters and overlay-CNI imitation (the calibration's test data). */
class SimulateOptionsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);

  private static String simulate(Path dir, String... extra) throws Exception {
    String[] base = {"simulate", "--scenario", "seed", "--out-dir", dir.toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CliRun run = CliRun.run(CLOCK, args);
    assertEquals(0, run.exitCode(), run.describe());
    return Files.readString(dir.resolve("cluster.om"));
  }

  @Test
  void should_add_cadvisor_counters_only_when_asked(@TempDir Path tmp) throws Exception {
    String with = simulate(tmp.resolve("a"), "--cadvisor");
    assertTrue(with.contains("container_network_transmit_bytes_total{"));
    assertTrue(with.endsWith("# EOF\n"));
    assertFalse(simulate(tmp.resolve("b")).contains("container_network_transmit_bytes_total"));
    CliRun large =
        CliRun.run(
            CLOCK, "simulate", "--scenario", "large", "--cadvisor", "--out-dir", tmp.toString());
    assertEquals(2, large.exitCode(), large.describe());
  }

  @Test
  void should_imitate_an_overlay_cni_with_one_observation_per_node(@TempDir Path tmp)
      throws Exception {
    assertEquals(
        simulate(tmp.resolve("high"), "--data-aggregation-level", "high"),
        simulate(tmp.resolve("overlay"), "--overlay-cni"));
  }
}
