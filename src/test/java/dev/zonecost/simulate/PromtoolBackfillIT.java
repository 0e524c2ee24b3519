package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promtool must backfill what the simulator writes: an integration test, run by failsafe after
 * scripts/test.sh installed promtool (never skipped there).
 */
class PromtoolBackfillIT {

  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  @Test
  void should_backfill_the_edge_cluster_with_promtool(@TempDir Path dir)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed");
    SimulatedCluster c =
        Simulator.generate(
            SimulationSpec.builder("edge", Instant.parse("2024-06-01T12:00:00Z"))
                .hours(2)
                .nativeZones(true)
                .seed(7L)
                .build());
    Path om = dir.resolve("cluster.om");
    try (Writer w = Files.newBufferedWriter(om, StandardCharsets.UTF_8)) {
      c.writeOpenMetrics(w);
    }
    Path log = dir.resolve("promtool.log");
    Process p =
        new ProcessBuilder(
                PROMTOOL.toString(),
                "tsdb",
                "create-blocks-from",
                "openmetrics",
                om.toString(),
                dir.resolve("blocks").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool did not finish in 60 s");
    }
    String output = Files.readString(log);
    assertEquals(0, p.exitValue(), output);
    // promtool prints a table of the blocks it wrote; their samples must add up to ours.
    long samples = 0;
    for (String line : output.split("\n")) {
      String[] cols = line.trim().split("\\s+");
      if (cols.length == 8 && cols[0].matches("[0-9A-Z]{26}")) {
        samples += Long.parseLong(cols[4]);
      }
    }
    assertEquals(c.sampleCount(), samples, output);
  }
}
