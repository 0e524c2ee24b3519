package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** zonecost check against a real Prometheus backfilled with the simulator's `edge` cluster. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CheckIT {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Clock CLOCK = Clock.fixed(END, ZoneOffset.UTC);
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir static Path dir;
  private static SimulatedCluster cluster;
  private static PrometheusServer prom;
  private static JsonNode report;
  private static long cross;
  private static long all;
  private static long unknown;

  @BeforeAll
  static void start() throws Exception {
    cluster = Simulator.generate(SimulationSpec.builder("edge", END).hours(2).seed(7).build());
    prom = PrometheusServer.start(dir, cluster::writeOpenMetrics);
    CliRun r = run("report", "-o", "json");
    assertEquals(0, r.exitCode(), r.describe());
    report = M.readTree(r.out());
    cross = report.get("totals").get("cross-zone").asLong();
    all = report.get("totals").get("all").asLong();
    unknown = report.get("totals").get("unknown-zone").asLong();
    assertTrue(cross > 0 && unknown > 0, "edge has cross-zone and unknown-zone traffic");
  }

  @AfterAll
  static void stop() {
    if (prom != null) {
      prom.close();
    }
  }

  private static CliRun run(String command, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--prometheus-url",
                prom.url(),
                "--start",
                cluster.start().toString(),
                "--end",
                cluster.end().toString()));
    args.addAll(List.of(extra));
    return CliRun.run(CLOCK, args.toArray(String[]::new));
  }

  private static CliRun check(String... extra) {
    return run("check", extra);
  }

  private static String ratio(double r) {
    return String.format(java.util.Locale.ROOT, "%.6f", r);
  }

  @Test
  void should_pass_with_limits_the_measured_values_meet() {
    BigDecimal cost = new BigDecimal(report.get("cost").get("window").asText());
    CliRun r =
        check(
            "--max-cross-zone-bytes",
            Long.toString(cross),
            "--max-cross-zone-ratio",
            ratio((double) cross / all + 1e-6),
            "--max-cross-zone-cost",
            // the JSON carries 9 decimals; the exact cost may be just above the rounded one
            cost.add(new BigDecimal("0.000000001")).toPlainString(),
            "--max-unknown-ratio",
            ratio((double) unknown / all + 1e-6));
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().contains("all 4 checks passed"), r.describe());
    assertFalse(r.out().contains("FAIL"), r.describe());
  }

  @Test
  void should_breach_cross_zone_bytes_naming_the_value_and_the_limit() {
    CliRun r = check("--max-cross-zone-bytes", Long.toString(cross - 1));
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(
        r.out().contains("cross-zone bytes")
            && r.out().contains(cross + " B)")
            && r.out().contains((cross - 1) + " B)")
            && r.out().contains("is over the limit"),
        r.describe());
    assertTrue(r.out().contains("  top: "), "names the top contributors\n" + r.describe());
    assertTrue(r.err().contains("1 of 1 checks failed"), r.describe());
  }

  @Test
  void should_breach_the_cross_zone_ratio() {
    double measured = (double) cross / all;
    CliRun r = check("--max-cross-zone-ratio", ratio(measured / 2));
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(
        r.out().contains(String.format(java.util.Locale.ROOT, "cross-zone ratio %.4f", measured)),
        r.describe());
  }

  @Test
  void should_breach_the_projected_monthly_cost_and_say_it_is_a_projection() {
    CliRun r = check("--max-cross-zone-cost", "0", "--cost-basis", "month");
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.out().contains("30-day projection is over the limit $0.00"), r.describe());
  }

  @Test
  void should_breach_the_unknown_zone_ratio() {
    CliRun r = check("--max-unknown-ratio", "0");
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.out().contains("FAIL overall: unknown-zone ratio"), r.describe());
  }

  @Test
  void should_breach_per_pair_and_write_junit_and_markdown() throws Exception {
    java.util.Map<String, Long> pairs = new java.util.HashMap<>();
    for (JsonNode row : report.get("rows")) {
      if (row.get("locality").asText().equals("cross-zone")) {
        String pair =
            row.get("source_namespace").asText()
                + "/"
                + row.get("source_workload").asText()
                + " -> "
                + row.get("destination_namespace").asText()
                + "/"
                + row.get("destination_workload").asText();
        pairs.merge(pair, row.get("bytes").asLong(), Long::sum);
      }
    }
    long biggest = pairs.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    long over = pairs.values().stream().filter(b -> b == biggest).count();
    Path junit = dir.resolve("zonecost.xml");
    Path summary = dir.resolve("summary.md");
    Files.writeString(summary, "# earlier step\n");
    CliRun r =
        check(
            "--per-pair",
            "--max-cross-zone-bytes",
            Long.toString(biggest - 1),
            "--junit-file",
            junit.toString(),
            "--summary-file",
            summary.toString());
    assertEquals(3, r.exitCode(), r.describe());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    int cases = doc.getElementsByTagName("testcase").getLength();
    int failures = doc.getElementsByTagName("failure").getLength();
    long allPairs = report.get("rows").size() > 0 ? countPairs() : 0;
    assertEquals(1 + allPairs, cases, "one overall case and one per workload pair");
    assertEquals(1 + over, failures, "overall and the biggest pair(s)");
    String md = Files.readString(summary);
    assertTrue(md.startsWith("# earlier step\n"), "appended, not overwritten");
    assertTrue(md.contains("## zonecost check: FAILED"), md);
    assertEquals(
        cases,
        md.lines().filter(l -> l.startsWith("| PASS |") || l.startsWith("| **FAIL** |")).count(),
        md);
  }

  private static long countPairs() {
    java.util.Set<String> pairs = new java.util.HashSet<>();
    for (JsonNode row : report.get("rows")) {
      pairs.add(
          row.get("source_namespace").asText()
              + "\u0000"
              + row.get("source_workload_kind").asText()
              + "\u0000"
              + row.get("source_workload").asText()
              + "\u0000"
              + row.get("destination_namespace").asText()
              + "\u0000"
              + row.get("destination_workload_kind").asText()
              + "\u0000"
              + row.get("destination_workload").asText());
    }
    return pairs.size();
  }

  @Test
  void should_print_breaches_but_exit_0_with_warn_only() {
    CliRun r = check("--max-cross-zone-bytes", "1GB", "--max-unknown-ratio", "0", "--warn-only");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().contains("FAIL"), r.describe());
    assertTrue(r.err().contains("--warn-only: exit 0"), r.describe());
  }

  @Test
  void should_give_json_for_machines() throws Exception {
    CliRun r = check("--max-unknown-ratio", "0", "-o", "json");
    assertEquals(3, r.exitCode(), r.describe());
    JsonNode v = M.readTree(r.out());
    assertFalse(v.get("passed").asBoolean());
    assertEquals("fail", v.get("checks").get(0).get("result").asText());
  }

  @Test
  void should_exit_5_below_min_coverage_and_write_no_junit() {
    Path junit = dir.resolve("never.xml");
    double attributable = 1 - (double) unknown / all;
    CliRun r =
        check(
            "--min-coverage",
            ratio(Math.min(1, attributable + 0.01)),
            "--max-unknown-ratio",
            "0",
            "--junit-file",
            junit.toString());
    assertEquals(5, r.exitCode(), r.describe());
    assertTrue(r.err().contains("--min-coverage"), r.describe());
    assertFalse(Files.exists(junit));
  }

  @Test
  void should_pass_against_a_baseline_saved_by_report_from_the_same_window() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    CliRun save = run("report", "-o", "json", "--output-file", baseline.toString());
    assertEquals(0, save.exitCode(), save.describe());
    CliRun r = check("--baseline", baseline.toString(), "--max-increase", "10%");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().contains("cross-zone bytes vs baseline"), r.describe());
    assertTrue(r.out().contains("checks passed"), r.describe());
  }

  @Test
  void should_fail_against_a_baseline_with_less_cross_zone_traffic() throws Exception {
    ObjectNode lower = report.deepCopy();
    long lowered = 0;
    for (JsonNode row : lower.get("rows")) {
      if (row.get("locality").asText().equals("cross-zone")) {
        long b = row.get("bytes").asLong();
        ((ObjectNode) row).put("bytes", b / 2);
        lowered += b - b / 2;
      }
    }
    assertTrue(lowered > 0);
    Path baseline = dir.resolve("lower.json");
    M.writeValue(baseline.toFile(), lower);
    CliRun r = check("--baseline", baseline.toString(), "--max-increase", "10%");
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.out().contains("FAIL overall: cross-zone bytes vs baseline "), r.describe());
    assertTrue(
        r.out().contains("(" + cross + " B), +100.0% is over the limit baseline ")
            && r.out().contains("(" + (cross - lowered) + " B) +10%"),
        r.describe());
    CliRun absolute =
        check("--baseline", baseline.toString(), "--max-increase", Long.toString(lowered));
    assertEquals(
        0, absolute.exitCode(), "an increase of exactly the allowed bytes\n" + absolute.describe());
  }

  @Test
  void should_refuse_a_baseline_of_another_schema_version() throws Exception {
    ObjectNode v2 = report.deepCopy();
    v2.put("schemaVersion", 2);
    Path baseline = dir.resolve("v2.json");
    M.writeValue(baseline.toFile(), v2);
    CliRun r = check("--baseline", baseline.toString());
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("schemaVersion 2"), r.describe());
  }

  @Test
  void should_refuse_a_baseline_with_another_window_length_or_dedupe() throws Exception {
    ObjectNode other = report.deepCopy();
    ((ObjectNode) other.get("metadata").get("window")).put("seconds", 3600);
    ((ObjectNode) other.get("metadata")).put("dedupe", "max");
    Path baseline = dir.resolve("other.json");
    M.writeValue(baseline.toFile(), other);
    CliRun r = check("--baseline", baseline.toString());
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("window length 3600s"), r.describe());
    assertTrue(r.err().contains("dedupe max, today auto"), r.describe());
  }

  @Test
  void should_refuse_a_baseline_priced_by_another_rule() throws Exception {
    Path baseline = dir.resolve("gcp.json");
    CliRun save =
        run("report", "--cloud", "gcp", "-o", "json", "--output-file", baseline.toString());
    assertEquals(0, save.exitCode(), save.describe());
    CliRun r = check("--baseline", baseline.toString());
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("price rule gcp: $0.01/GiB out, today aws"), r.describe());
  }

  @Test
  void should_refuse_a_bad_threshold_before_querying() {
    CliRun r = check("--max-cross-zone-ratio", "1.5");
    assertEquals(2, r.exitCode(), r.describe());
  }
}
