package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first screen cannot drift from the product: every block marked {@code <!--
 * quick-start ... -->} runs as written, line by line, against the simulated edge cluster in a real
 * Prometheus (the one {@code scripts/demo.sh --keep} leaves running stands in for the user's). Each
 * command must exit 0 and print something (issue 32).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReadmeQuickStartIT {
  private static final Instant END = Instant.parse("2026-11-01T03:00:00Z");
  private static final String MARK = "<!-- quick-start";

  @TempDir Path dir;

  /** The lines of every marked block, comments stripped. */
  static List<String> quickStartLines(String readme) {
    List<String> out = new ArrayList<>();
    int at = 0;
    while ((at = readme.indexOf(MARK, at)) >= 0) {
      int open = readme.indexOf("```sh\n", at);
      int close = readme.indexOf("\n```", open);
      for (String line : readme.substring(open + 6, close).split("\n")) {
        String cmd = line.replaceAll("\\s+#.*$", "").strip();
        if (!cmd.isEmpty()) {
          out.add(cmd);
        }
      }
      at = close;
    }
    return out;
  }

  @Test
  void should_run_the_readme_quick_start_as_written() throws Exception {
    List<String> lines = quickStartLines(Files.readString(Path.of("README.md")));
    assertTrue(lines.size() >= 3, "no marked quick-start block in README.md: " + lines);
    SimulatedCluster cluster =
        Simulator.generate(SimulationSpec.builder("edge", END).hours(3).seed(7).build());
    Path workDir = Files.createDirectories(dir.resolve("work"));
    try (PrometheusServer prom =
        PrometheusServer.start(
            Files.createDirectories(dir.resolve("prom")), cluster::writeOpenMetrics)) {
      Map<String, String> env = new HashMap<>(Map.of("HOME", "/nonexistent-home"));
      Clock clock = Clock.fixed(END, ZoneOffset.UTC);
      int commands = 0;
      for (String line : lines) {
        if (line.startsWith("export ")) {
          assertTrue(line.startsWith("export PROMETHEUS_URL="), "unexpected: " + line);
          env.put("PROMETHEUS_URL", prom.url()); // the user's own Prometheus
          continue;
        }
        assertTrue(line.startsWith("zonecost "), "a line that is not zonecost: " + line);
        assertFalse(line.matches(".*['\"|;&$<>].*"), "needs a shell: " + line);
        String[] args = line.substring("zonecost ".length()).trim().split("\\s+");
        int file = java.util.Arrays.asList(args).indexOf("--output-file") + 1;
        if (file > 0) { // relative to the user's directory: here, the test's
          args[file] = workDir.resolve(args[file]).toString();
        }
        CliRun run = CliRun.run(clock, env, workDir, args);
        assertEquals(0, run.exitCode(), run.describe());
        boolean toFile = line.contains("--output-file");
        assertTrue(toFile || !run.out().isBlank(), "nothing printed\n" + run.describe());
        if (toFile) {
          assertTrue(Files.size(Path.of(args[file])) > 0, run.describe());
          if (args[file].endsWith(".csv")) { // the format from the extension, as the README says
            String header = Files.readAllLines(Path.of(args[file])).get(0);
            assertTrue(header.startsWith("source_namespace,"), header);
          }
        }
        commands++;
      }
      assertTrue(commands >= 3, "ran " + commands);
    }
  }
}
