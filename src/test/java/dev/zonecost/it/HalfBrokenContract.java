package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29's half-broken set-ups on a real back end: the simulator writes each (a Beyla agent whose
 * {@code beyla_ip} is no node's, kube-state-metrics without EndpointSlices, Retina scraped twice,
 * kube-state-metrics scraped without {@code honor_labels}), and {@code report}, {@code check},
 * {@code advise} and {@code doctor} run on each: none may exit 0 with a silently different answer —
 * each is exact, or says what is wrong in a note or WARN, or exits 5 with one line.
 */
abstract class HalfBrokenContract {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** A back end loaded with the cluster's series as {@code source} exports them. */
  abstract Backend start(Path dir, SimulatedCluster c, String source) throws Exception;

  static SimulatedCluster cluster(Consumer<SimulationSpec.Builder> fault) {
    return Simulator.generate(
        SimulationSpec.builder("edge", END).hours(2).seed(42).apply(fault).build());
  }

  static CliRun run(Backend b, SimulatedCluster c, String command, String... extra) {
    List<String> args = new ArrayList<>(List.of(command, "--prometheus-url", b.url));
    args.addAll(List.of("--start", c.start().toString(), "--end", c.end().toString()));
    args.addAll(List.of(extra));
    CliRun run = CliRun.run(Clock.fixed(c.end(), ZoneOffset.UTC), args.toArray(String[]::new));
    System.out.printf(
        "%s %s %s: exit %d%n", b.name, command, String.join(" ", extra), run.exitCode());
    return run;
  }

  static JsonNode doctorCheck(CliRun run, String name) throws Exception {
    for (JsonNode c : JSON.readTree(run.out()).get("checks")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no check " + name + "\n" + run.describe());
  }

  static void assertOneLine(CliRun run, int code, String contains) {
    assertEquals(code, run.exitCode(), run.describe());
    assertEquals(1, run.err().strip().lines().count(), "one line\n" + run.describe());
    assertTrue(run.err().contains(contains), run.describe());
  }

  @Test
  void retina_scraped_twice_is_counted_once_with_a_note() throws Exception {
    SimulatedCluster c = cluster(b -> b.retinaScrapedTwice(true));
    try (Backend b = start(tmp.resolve("twice"), c, "retina")) {
      JsonNode doc =
          ExactAnswer.assertExact(
              b.name, b.url, c, DataAggregationLevel.LOW, c.start(), c.end(), false);
      String notes = doc.at("/metadata/notes").toString();
      assertTrue(notes.contains("retina is scraped by 2 jobs"), notes);
      assertTrue(notes.contains("job \\\"retina\\\" kept"), notes);

      CliRun check = run(b, c, "check", "--max-cross-zone-ratio", "1", "-o", "json");
      assertEquals(0, check.exitCode(), check.describe());
      assertTrue(check.out().contains("retina is scraped by 2 jobs"), check.describe());

      CliRun advise = run(b, c, "advise", "-o", "json");
      assertEquals(0, advise.exitCode(), advise.describe());

      CliRun doctor = run(b, c, "doctor", "-o", "json");
      assertEquals(0, doctor.exitCode(), doctor.describe());
      assertEquals("WARN", doctorCheck(doctor, "scraped twice").get("status").asText());
    }
  }

  @Test
  void kube_state_metrics_without_endpointslices_stops_advise_and_the_avoidable_cost()
      throws Exception {
    SimulatedCluster c = cluster(b -> b.ksmWithoutEndpointSlices(true));
    try (Backend b = start(tmp.resolve("noslices"), c, "retina")) {
      ExactAnswer.assertExact(
          b.name, b.url, c, DataAggregationLevel.LOW, c.start(), c.end(), false);
      assertOneLine(run(b, c, "advise"), 5, "no EndpointSlice series");
      assertOneLine(
          run(b, c, "check", "--max-avoidable-cost", "1000"), 5, "--resources=...,endpointslices");
      CliRun doctor = run(b, c, "doctor");
      assertFalse(doctor.out().contains("reports can be trusted"), doctor.describe());
      CliRun json = run(b, c, "doctor", "-o", "json");
      assertEquals("WARN", doctorCheck(json, "endpointslices").get("status").asText());
    }
  }

  @Test
  void a_beyla_agent_whose_ip_is_no_nodes_is_named() throws Exception {
    SimulatedCluster c = cluster(b -> b.beylaAgentOffNode(true));
    try (Backend b = start(tmp.resolve("beyla"), c, "beyla")) {
      CliRun report = run(b, c, "report", "--source", "beyla", "-o", "json");
      assertEquals(0, report.exitCode(), report.describe());
      String notes = JSON.readTree(report.out()).at("/metadata/notes").toString();
      assertTrue(notes.contains("beyla_ip=\\\"192.168.255.1\\\""), notes);

      CliRun auto = run(b, c, "report", "-o", "json"); // auto reads Beyla here
      assertEquals(0, auto.exitCode(), auto.describe());
      assertTrue(auto.out().contains("192.168.255.1"), auto.describe());

      CliRun check = run(b, c, "check", "--max-cross-zone-ratio", "1");
      assertEquals(0, check.exitCode(), check.describe());
      assertTrue(check.out().contains("set-up: source beyla"), check.describe());

      CliRun advise = run(b, c, "advise");
      assertNotEquals(0, advise.exitCode(), advise.describe()); // advise reads Retina only

      for (String source : List.of("auto", "beyla")) {
        CliRun doctor = run(b, c, "doctor", "--source", source, "-o", "json");
        assertEquals(0, doctor.exitCode(), doctor.describe());
        JsonNode sources = doctorCheck(doctor, "byte sources");
        assertEquals("WARN", sources.get("status").asText(), doctor.describe());
        assertTrue(sources.get("fix").asText().contains("192.168.255.1"), doctor.describe());
        assertNotEquals("FAIL", doctorCheck(doctor, "remote context").get("status").asText());
      }
      CliRun retina = run(b, c, "doctor", "--source", "retina");
      assertEquals(5, retina.exitCode(), retina.describe());
    }
  }

  @Test
  void kube_state_metrics_scraped_without_honor_labels() throws Exception {
    SimulatedCluster c = cluster(b -> b.ksmExportedLabels(true));
    try (Backend b = start(tmp.resolve("exported"), c, "retina")) {
      ExactAnswer.assertExact(
          b.name, b.url, c, DataAggregationLevel.LOW, c.start(), c.end(), false);
      CliRun check = run(b, c, "check", "--max-cross-zone-ratio", "1");
      assertEquals(0, check.exitCode(), check.describe());
      CliRun advise = run(b, c, "advise", "-o", "json");
      System.out.println(advise.out());
      assertEquals(0, advise.exitCode(), advise.describe());
      assertFalse(advise.out().contains("no-endpoints"), advise.describe());
      CliRun doctor = run(b, c, "doctor", "-o", "json");
      assertEquals(0, doctor.exitCode(), doctor.describe());
      assertEquals("WARN", doctorCheck(doctor, "ksm labels").get("status").asText());
    }
  }
}
