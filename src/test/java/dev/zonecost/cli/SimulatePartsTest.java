package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** simulate --samples-from/--samples-to: a cluster written in parts for a backfill in parts. */
class SimulatePartsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);
  private static final String END = "2026-11-01T02:00:00Z";

  private static CliRun simulate(Path dir, String... extra) {
    String[] base = {"simulate", "--scenario", "edge", "--end", END, "--out-dir", dir.toString()};
    String[] args = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.run(CLOCK, args);
  }

  /**
   * Each series' samples ("value timestamp"), in file order, keyed by the series' name and labels.
   */
  private static Map<String, List<String>> samplesBySeries(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      int ts = line.lastIndexOf(' ');
      int value = line.lastIndexOf(' ', ts - 1);
      out.computeIfAbsent(line.substring(0, value), k -> new ArrayList<>())
          .add(line.substring(value + 1));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}, cut at {1}")
  @CsvSource({
    // on the scrape grid, off it, and a cut before the data (an empty first part)
    "retina, '2026-11-01T00:00:00Z 2026-11-01T00:30:00Z 2026-11-01T01:00:00Z'",
    "retina, '2026-10-31T23:59:30Z 2026-11-01T01:17:01Z'",
    "beyla, '2026-10-31T22:00:00Z 2026-11-01T00:00:00Z'",
    "istio, '2026-11-01T00:59:00Z'",
  })
  void should_write_every_sample_of_the_single_file_once_across_the_parts(
      String source, String cuts, @TempDir Path tmp) throws Exception {
    List<String> extra = new ArrayList<>(List.of("--source", source, "--cadvisor"));
    if (!source.equals("retina")) {
      extra.remove("--cadvisor");
    }
    CliRun whole = simulate(tmp.resolve("whole"), extra.toArray(String[]::new));
    assertEquals(0, whole.exitCode(), whole.describe());
    Map<String, List<String>> want =
        samplesBySeries(Files.readString(tmp.resolve("whole/cluster.om")));

    List<String> bounds = new ArrayList<>();
    bounds.add(null);
    bounds.addAll(List.of(cuts.split(" ")));
    bounds.add(null);
    Map<String, List<String>> got = new LinkedHashMap<>();
    for (int i = 0; i + 1 < bounds.size(); i++) {
      List<String> args = new ArrayList<>(extra);
      args.addAll(List.of("--only", "cluster.om"));
      if (bounds.get(i) != null) {
        args.addAll(List.of("--samples-from", bounds.get(i)));
      }
      if (bounds.get(i + 1) != null) {
        args.addAll(List.of("--samples-to", bounds.get(i + 1)));
      }
      Path dir = tmp.resolve("part" + i);
      CliRun part = simulate(dir, args.toArray(String[]::new));
      if (part.exitCode() == 2 && part.err().contains("no samples between")) {
        continue; // a part before the data: nothing to backfill
      }
      assertEquals(0, part.exitCode(), part.describe());
      assertFalse(Files.exists(dir.resolve("expected.json")), "--only cluster.om");
      String text = Files.readString(dir.resolve("cluster.om"));
      assertTrue(text.endsWith("# EOF\n"), "each part is a whole OpenMetrics file");
      samplesBySeries(text)
          .forEach((k, v) -> got.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    assertEquals(want.keySet(), got.keySet(), "the same series");
    for (Map.Entry<String, List<String>> e : want.entrySet()) {
      assertEquals(e.getValue(), got.get(e.getKey()), e.getKey());
    }
    assertTrue(want.values().stream().mapToInt(List::size).sum() > 1000, "a real cluster");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--samples-from 2026-11-01T01:00:00Z --samples-to 2026-11-01T01:00:00Z | must be before",
        "--samples-from 2026-11-01T01:00:00Z --samples-to 2026-11-01T00:00:00Z | must be before",
        "--samples-from 2026-11-02T00:00:00Z | no samples between",
        "--samples-to 2026-10-01T00:00:00Z | no samples between",
        "--samples-from yesterday | yesterday",
        "--only cluster.json | --only takes cluster.om or expected.json",
        "--only expected.json --samples-to 2026-11-01T01:00:00Z | not with --only expected.json",
      })
  void should_refuse_bad_part_arguments_with_a_usage_error(
      String args, String message, @TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    CliRun run = simulate(dir, args.trim().split(" "));
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains(message.trim()), run.describe());
    assertEquals(1, run.err().strip().lines().count(), "one line: " + run.describe());
    assertFalse(Files.exists(dir.resolve("cluster.om")), "no output: " + run.describe());
    assertFalse(Files.exists(dir.resolve("expected.json")), "no output: " + run.describe());
  }
}
