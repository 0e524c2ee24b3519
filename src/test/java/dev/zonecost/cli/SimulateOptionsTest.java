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
  void should_add_linkerds_proxy_series_only_when_asked_and_refuse_an_unknown_mesh(
      @TempDir Path tmp) throws Exception {
    String edge = "edge";
    CliRun with =
        CliRun.run(
            CLOCK, "simulate", "--scenario", edge, "--mesh", "linkerd", "--out-dir", tmp + "/a");
    assertEquals(0, with.exitCode(), with.describe());
    String om = Files.readString(tmp.resolve("a/cluster.om"));
    assertTrue(om.contains("tcp_write_bytes_total{direction=\"outbound\",peer=\"dst\""));
    assertTrue(om.contains("dst_service=\""));
    assertTrue(with.err().contains("with linkerd's proxy series"), with.describe());
    CliRun without = CliRun.run(CLOCK, "simulate", "--scenario", edge, "--out-dir", tmp + "/b");
    assertFalse(Files.readString(tmp.resolve("b/cluster.om")).contains("tcp_write_bytes_total"));
    assertEquals(
        Files.readString(tmp.resolve("b/expected.json")),
        Files.readString(tmp.resolve("a/expected.json")),
        "a mesh marker leaves the answer as it is: " + without.describe());
    CliRun bad =
        CliRun.run(
            CLOCK, "simulate", "--scenario", edge, "--mesh", "cilium", "--out-dir", tmp + "/c");
    assertEquals(2, bad.exitCode(), bad.describe());
    assertEquals(1, bad.err().lines().count(), bad.describe());
    assertTrue(bad.err().contains("unknown --mesh 'cilium'"), bad.describe());
    assertFalse(Files.exists(tmp.resolve("c/cluster.om")));
  }

  @Test
  void should_imitate_an_overlay_cni_with_one_observation_per_node(@TempDir Path tmp)
      throws Exception {
    assertEquals(
        simulate(tmp.resolve("high"), "--data-aggregation-level", "high"),
        simulate(tmp.resolve("overlay"), "--overlay-cni"));
  }
}
