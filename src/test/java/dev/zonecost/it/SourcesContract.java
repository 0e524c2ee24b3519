package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.ExpectedAnswer;
import dev.zonecost.simulate.Routing;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edge cluster as each byte source exports it (issue 15): {@code report --source} gives the
 * source's exact answer to the byte, and the same rows as Retina's reading of the same cluster, off
 * only by what each source's kept agent lost itself (the worst row error is printed for the note).
 * {@code --source auto} finds the source that has data.
 */
abstract class SourcesContract {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  @TempDir Path tmp;

  abstract Backend start(Path dir, SimulatedCluster c, String source) throws Exception;

  /** A back end loaded with the given OpenMetrics text of {@code samples} samples. */
  abstract Backend startText(Path dir, SimulatedCluster c, long samples, String text)
      throws Exception;

  static SimulatedCluster edge() {
    return Simulator.generate(
        SimulationSpec.builder("edge", END).hours(2).seed(42).routing(Routing.KUBE_PROXY).build());
  }

  static CliRun report(Backend b, SimulatedCluster c, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--prometheus-url",
                b.url,
                "--start",
                c.start().toString(),
                "--end",
                c.end().toString(),
                "-o",
                "json"));
    args.addAll(List.of(extra));
    return CliRun.run(Clock.fixed(c.end(), ZoneOffset.UTC), args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"beyla", "istio"})
  void each_source_gives_its_exact_answer_and_retinas_rows(String source) throws Exception {
    SimulatedCluster c = edge();
    try (Backend b = start(tmp.resolve(source), c, source)) {
      CliRun run = report(b, c, "--source", source);
      assertEquals(0, run.exitCode(), run.describe());
      JsonNode doc = ReportRows.parse(run.out());
      Map<TrafficKey, Long> actual = ReportRows.rows(doc);
      Map<TrafficKey, Long> exact =
          ReportRows.rows(c.answer().expected(source, c.start(), c.end()));
      assertEquals(keys(exact), keys(actual), "rows differ\n" + run.describe());
      for (var e : exact.entrySet()) {
        assertEquals(e.getValue(), actual.get(e.getKey()), source + ": bytes of " + e.getKey());
      }
      long sum = actual.values().stream().mapToLong(Long::longValue).sum();
      assertEquals(sum, doc.get("totals").get("all").asLong(), "totals add up");
      assertTrue(doc.get("totals").get("cross-zone").asLong() > 0, "cross-zone present");
      assertEquals(source, doc.get("metadata").get("zoneSource").asText(), run.describe());
      assertEquals(source, doc.get("metadata").get("dedupe").asText(), "the source's copy rule");

      // The same cluster read from Retina: the same rows, bytes off only by agent restarts.
      List<TrafficRow> retinaRows = c.answer().expected(c.start(), c.end());
      Map<TrafficKey, Long> retina = ReportRows.rows(retinaRows);
      assertEquals(keys(retina), keys(actual), source + " and Retina give the same rows");
      double worst = 0;
      TrafficKey worstKey = null;
      for (var e : retina.entrySet()) {
        double err = Math.abs(actual.get(e.getKey()) - e.getValue()) / (double) e.getValue();
        if (err > worst) {
          worst = err;
          worstKey = e.getKey();
        }
      }
      Map<Locality, Long> t = ExpectedAnswer.totals(retinaRows);
      System.out.printf(
          "%s edge --source %s: %d rows exact to the source's answer; against Retina's answer"
              + " worst row error %.4f%% (%s), cross-zone bytes %d vs %d%n",
          b.name,
          source,
          exact.size(),
          worst * 100,
          worstKey,
          doc.get("totals").get("cross-zone").asLong(),
          t.get(Locality.CROSS_ZONE));
      assertTrue(worst < 0.01, source + " within 1% of Retina per row: " + worst);
    }
  }

  @Test
  void istio_sidecars_give_the_client_zone_and_leave_the_server_side_unknown() throws Exception {
    SimulatedCluster c = edge();
    try (Backend b = start(tmp.resolve("sidecar"), c, "istio-sidecar")) {
      CliRun run = report(b, c, "--source", "istio");
      assertEquals(0, run.exitCode(), run.describe());
      JsonNode doc = ReportRows.parse(run.out());
      Map<TrafficKey, Long> actual = ReportRows.rows(doc);
      Map<TrafficKey, Long> exact =
          ReportRows.rows(c.answer().expected("istio-sidecar", c.start(), c.end()));
      assertEquals(keys(exact), keys(actual), "rows differ\n" + run.describe());
      for (var e : exact.entrySet()) {
        assertEquals(e.getValue(), actual.get(e.getKey()), "sidecar: bytes of " + e.getKey());
      }
      assertEquals(0, doc.get("totals").get("cross-zone").asLong(), "one zone is never known");
      // Per workload pair, the same bytes as Retina's answer within the sidecars' own edges.
      Map<String, Long> byPair = byWorkloads(actual);
      Map<String, Long> retina =
          byWorkloads(ReportRows.rows(c.answer().expected(c.start(), c.end())));
      assertEquals(retina.keySet(), byPair.keySet());
      double worst = 0;
      for (var e : retina.entrySet()) {
        worst =
            Math.max(
                worst, Math.abs(byPair.get(e.getKey()) - e.getValue()) / (double) e.getValue());
      }
      System.out.printf(
          "%s edge --source istio (sidecars): %d rows exact to the source's answer; per workload"
              + " pair against Retina's answer worst error %.4f%%; every row unknown-zone%n",
          b.name, exact.size(), worst * 100);
      assertTrue(worst < 0.05, "sidecars within 5% of Retina per workload pair: " + worst);
    }
  }

  private static Map<String, Long> byWorkloads(Map<TrafficKey, Long> rows) {
    Map<String, Long> out = new java.util.TreeMap<>();
    rows.forEach((k, v) -> out.merge(k.source() + " -> " + k.destination(), v, Long::sum));
    return out;
  }

  @Test
  void beyla_without_the_agent_ip_keeps_cross_zone_rows_and_halves_pods_on_one_node()
      throws Exception {
    SimulatedCluster c = edge();
    try (Backend b = start(tmp.resolve("noip"), c, "beyla-no-agent-ip")) {
      CliRun run = report(b, c, "--source", "beyla");
      assertEquals(0, run.exitCode(), run.describe());
      Map<TrafficKey, Long> actual = ReportRows.rows(ReportRows.parse(run.out()));
      Map<TrafficKey, Long> truth =
          ReportRows.rows(c.answer().expected("beyla", c.start(), c.end()));
      assertEquals(keys(truth), keys(actual));
      double worstCross = 0;
      double worstSame = 0;
      for (var e : truth.entrySet()) {
        TrafficKey k = e.getKey();
        double err = Math.abs(actual.get(k) - e.getValue()) / (double) e.getValue();
        boolean known = !k.sourceZone().equals("unknown") && !k.destinationZone().equals("unknown");
        if (known && !k.sourceZone().equals(k.destinationZone())) {
          worstCross = Math.max(worstCross, err);
        } else {
          worstSame = Math.max(worstSame, err);
        }
      }
      System.out.printf(
          "%s edge --source beyla without beyla.ip and node IPs: worst cross-zone row %.4f%%,"
              + " worst same-zone or unknown-zone row %.1f%% (pods on one node halved)%n",
          b.name, worstCross * 100, worstSame * 100);
      assertTrue(worstCross < 0.01, "cross-zone rows stay within 1%: " + worstCross);
      assertTrue(worstSame > 0.05, "a same-node pair is undercounted: " + worstSame);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"obi_", "otel_ebpf_"})
  void beyla_reads_obis_metric_names(String prefix) throws Exception {
    SimulatedCluster c = edge();
    java.io.StringWriter w = new java.io.StringWriter();
    c.writeOpenMetrics(w, "beyla");
    String renamed =
        w.toString().replace("beyla_network_flow_bytes", prefix + "network_flow_bytes");
    try (Backend b = startText(tmp.resolve(prefix), c, c.sampleCount("beyla"), renamed)) {
      CliRun run = report(b, c, "--source", "beyla");
      assertEquals(0, run.exitCode(), run.describe());
      JsonNode doc = ReportRows.parse(run.out());
      assertEquals(
          ReportRows.rows(c.answer().expected("beyla", c.start(), c.end())), ReportRows.rows(doc));
      assertTrue(
          doc.get("metadata").get("queries").toString().contains(prefix + "network_flow_bytes"));
    }
  }

  @Test
  void check_gates_on_another_source() throws Exception {
    SimulatedCluster c = edge();
    try (Backend b = start(tmp.resolve("check"), c, "istio")) {
      String[] base = {
        "check",
        "--prometheus-url",
        b.url,
        "--start",
        c.start().toString(),
        "--end",
        c.end().toString(),
        "--source",
        "istio",
        "--max-cross-zone-ratio"
      };
      Clock clock = Clock.fixed(c.end(), ZoneOffset.UTC);
      CliRun pass = CliRun.run(clock, with(base, "0.99"));
      assertEquals(0, pass.exitCode(), pass.describe());
      CliRun breach = CliRun.run(clock, with(base, "0.1"));
      assertEquals(3, breach.exitCode(), breach.describe());
    }
  }

  private static String[] with(String[] base, String last) {
    String[] args = java.util.Arrays.copyOf(base, base.length + 1);
    args[base.length] = last;
    return args;
  }

  @Test
  void auto_reads_beyla_where_retina_has_no_data() throws Exception {
    SimulatedCluster c = edge();
    try (Backend b = start(tmp.resolve("auto"), c, "beyla")) {
      CliRun run = report(b, c);
      assertEquals(0, run.exitCode(), run.describe());
      JsonNode doc = ReportRows.parse(run.out());
      assertEquals(
          ReportRows.rows(c.answer().expected("beyla", c.start(), c.end())), ReportRows.rows(doc));
      String notes = doc.get("metadata").get("notes").toString();
      assertTrue(notes.contains("--source auto read beyla"), notes);
    }
  }

  @Test
  void doctor_lists_every_source_it_finds_with_its_coverage() throws Exception {
    SimulatedCluster c = edge();
    try (Backend b = start(tmp.resolve("doctor"), c, "beyla")) {
      CliRun run =
          CliRun.run(
              Clock.fixed(c.end(), ZoneOffset.UTC),
              "doctor",
              "--prometheus-url",
              b.url,
              "--since",
              "2h",
              "-o",
              "json");
      JsonNode checks = ReportRows.parse(run.out()).get("checks");
      String sources = null;
      String retina = null;
      for (JsonNode ch : checks) {
        if (ch.get("name").asText().equals("byte sources")) {
          sources = ch.get("status").asText() + " " + ch.get("measured").asText();
        }
        if (ch.get("name").asText().equals("retina metric")) {
          retina = ch.get("status").asText();
        }
      }
      assertTrue(
          sources != null
              && sources.startsWith("OK")
              && sources.contains("beyla (beyla_network_flow_bytes_total)")
              && sources.contains("of pod-addressed series with both zones")
              && sources.contains("sender's copy selectable"),
          run.describe());
      assertEquals("WARN", retina, "no Retina, but another source: " + run.describe());
    }
  }

  @Test
  void auto_reads_retina_first_and_names_the_other_source_it_found() throws Exception {
    SimulatedCluster c = edge();
    java.io.StringWriter retina = new java.io.StringWriter();
    c.writeOpenMetrics(retina);
    java.io.StringWriter beyla = new java.io.StringWriter();
    c.writeOpenMetrics(beyla, "beyla");
    List<String> beylaLines =
        beyla.toString().lines().filter(l -> l.contains("beyla_network_flow_bytes")).toList();
    String both =
        retina.toString().replace("# EOF\n", "") + String.join("\n", beylaLines) + "\n# EOF\n";
    long samples = c.sampleCount() + beylaLines.stream().filter(l -> !l.startsWith("#")).count();
    try (Backend b = startText(tmp.resolve("both"), c, samples, both)) {
      CliRun run = report(b, c);
      assertEquals(0, run.exitCode(), run.describe());
      JsonNode doc = ReportRows.parse(run.out());
      assertEquals(ReportRows.rows(c.answer().expected(c.start(), c.end())), ReportRows.rows(doc));
      String notes = doc.get("metadata").get("notes").toString();
      assertTrue(
          notes.contains("--source auto read retina; beyla also has data in the window"), notes);
      assertEquals("auto", doc.get("metadata").get("dedupe").asText());
      CliRun chosen = report(b, c, "--source", "beyla");
      assertEquals(0, chosen.exitCode(), chosen.describe());
      assertEquals(
          ReportRows.rows(c.answer().expected("beyla", c.start(), c.end())),
          ReportRows.rows(ReportRows.parse(chosen.out())));
    }
  }

  private static TreeSet<String> keys(Map<TrafficKey, Long> rows) {
    return new TreeSet<>(rows.keySet().stream().map(Object::toString).toList());
  }
}
