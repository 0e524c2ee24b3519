package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import dev.zonecost.simulate.TrafficDistribution;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advise} against a real Prometheus: its prediction on the edge cluster, then the same
 * cluster simulated with PreferSameZone on and measured by {@code report}. Seed 38's edge cluster:
 * after the server's rolling restart its endpoints are in two of the three zones (clients of the
 * third cross whatever the routing) and the db Service has an endpoint on the node without a zone.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviseIT {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  static final SimulationSpec SPEC = SimulationSpec.builder("edge", END).hours(2).seed(38).build();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  SimulatedCluster before;
  SimulatedCluster after;
  Backend off;
  Backend on;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    before = Simulator.generate(SPEC);
    after =
        Simulator.generate(
            SPEC.toBuilder().distribution(TrafficDistribution.PREFER_SAME_ZONE).build());
    off = Backend.prometheus(dir.resolve("off"), before);
    on = Backend.prometheus(dir.resolve("on"), after);
  }

  @AfterAll
  void stop() throws Exception {
    off.close();
    on.close();
  }

  /** After the rolling restart (half-way) and 5 minutes for the old endpoints to go. */
  Instant afterRollout() {
    return before.start().plus(Duration.ofMinutes(65));
  }

  @Test
  void predicted_saving_matches_the_simulated_cluster_with_prefer_same_zone_within_5_percent()
      throws Exception {
    Instant from = afterRollout();
    // The conditions, from the model: server in two zones of three, clients in all three.
    Map<String, Integer> servers = before.readyEndpointsByZone("app-server", "server", END);
    assertEquals(2, servers.size(), "server's endpoints after the rollout: " + servers);
    assertTrue(
        before.readyEndpointsByZone("app-db", "db", END).containsKey("unknown"),
        "db has an endpoint without zone");

    JsonNode advice = json(advise(off, from, END));
    long predicted = advice.get("totals").get("savingBytes").asLong();
    long crossOff = cross(json(report(off, from, END)));
    long crossOn = cross(json(report(on, from, END)));
    long simulated = crossOff - crossOn;
    JsonNode server = service(advice, "app-server", "server");
    System.out.printf(
        "advise on edge (seed 38, %s .. %s): predicted saving %d B, simulated %d B (%.2f%%);"
            + " cross-zone today %d B, with PreferSameZone %d B; server remaining predicted %d B%n",
        from,
        END,
        predicted,
        simulated,
        (predicted - simulated) * 100.0 / simulated,
        crossOff,
        crossOn,
        server.get("preferSameZone").get("remainingCrossZoneBytes").asLong());
    assertTrue(simulated > 0, "the routing saves bytes in the simulated cluster");
    assertTrue(
        Math.abs(predicted - simulated) <= 0.05 * simulated,
        "predicted " + predicted + " vs simulated " + simulated);
    // What still crosses: the clients of the zone without a server.
    assertTrue(server.get("preferSameZone").get("remainingCrossZoneBytes").asLong() > 0);
    boolean overloaded = false;
    for (JsonNode z : server.get("preferSameZone").get("loadByZone")) {
      overloaded |= z.get("overloaded").asBoolean();
    }
    assertTrue(overloaded, "server's endpoints are overloaded in a zone: " + server);
    JsonNode db = service(advice, "app-db", "db");
    assertEquals("endpoints-without-zone", db.get("gating").get(0).get("reason").asText());
    assertEquals(0, db.get("preferSameZone").get("savingBytes").asLong());
  }

  @Test
  void over_the_whole_window_in_which_endpoints_move_zones_it_stays_within_5_percent()
      throws Exception {
    long simulated =
        cross(json(report(off, before.start(), END)))
            - cross(json(report(on, before.start(), END)));
    long predicted = saving(advise(off, before.start(), END, "-o", "json"));
    System.out.printf(
        "advise on edge (seed 38, whole 2 h window: a scrape outage across its start, endpoints"
            + " move zones half-way): predicted saving %d B, simulated %d B (%.2f%%)%n",
        predicted, simulated, (predicted - simulated) * 100.0 / simulated);
    assertTrue(Math.abs(predicted - simulated) <= 0.05 * simulated, predicted + " vs " + simulated);
  }

  static long saving(CliRun run) throws Exception {
    return json(run).get("totals").get("savingBytes").asLong();
  }

  @Test
  void hints_on_the_cluster_with_the_routing_on_say_already_on() throws Exception {
    JsonNode advice = json(advise(on, afterRollout(), END));
    JsonNode server = service(advice, "app-server", "server");
    assertEquals(
        "already-on", server.get("gating").get(0).get("reason").asText(), server.toString());
    assertEquals(0, server.get("preferSameZone").get("savingBytes").asLong());
  }

  @Test
  void auto_drops_its_hints_for_the_node_without_zone() throws Exception {
    JsonNode advice = json(advise(off, afterRollout(), END));
    JsonNode auto = service(advice, "app-server", "server").get("topologyModeAuto");
    assertEquals("dropped", auto.get("hints").asText(), auto.toString());
    assertTrue(auto.get("droppedBecause").asText().contains("no zone label"), auto.toString());
  }

  @Test
  void table_ranks_services_by_saving_and_says_what_to_do() throws Exception {
    CliRun run = advise(off, afterRollout(), END, "-o", "table");
    assertEquals(0, run.exitCode(), run.describe());
    System.out.print("advise -o table on edge (seed 38, after the rollout):\n" + run.out());
    int server = run.out().indexOf("app-server/server");
    int db = run.out().indexOf("app-db/db");
    assertTrue(server >= 0 && db > server, run.out());
    assertTrue(run.out().contains("set spec.trafficDistribution: PreferSameZone"), run.out());
  }

  @Test
  void puts_the_reports_cross_zone_total_for_the_same_window_and_selection_beside_its_own()
      throws Exception {
    for (String[] selection :
        new String[][] {{}, {"--to-namespace", "app-server"}, {"--from-namespace", "app-client"}}) {
      for (Instant from : new Instant[] {afterRollout(), before.start()}) {
        JsonNode totals = json(advise(off, from, END, with(selection, "-o", "json"))).get("totals");
        JsonNode report =
            json(
                run("report", off, from, END, with(selection, "--source", "retina", "-o", "json")));
        String what = String.join(" ", selection) + " from " + from;
        assertEquals("service", totals.get("crossZoneScope").asText(), what);
        assertEquals(cross(report), totals.get("reportCrossZoneBytes").asLong(), what);
        assertEquals(
            report.get("cost").get("window").asText(),
            totals.get("reportCrossZoneCost").asText(),
            what);
        assertTrue(totals.get("crossZoneBytes").asLong() <= cross(report), what);
      }
    }
    CliRun table = advise(off, afterRollout(), END, "-o", "table");
    long total =
        cross(json(run("report", off, afterRollout(), END, "--source", "retina", "-o", "json")));
    assertTrue(
        table.out().contains("advise's cross-zone is Service traffic only")
            && table
                .out()
                .contains(
                    "over the same window and selection counts "
                        + dev.zonecost.render.HumanUnits.bytes(total)
                        + " cross-zone"),
        table.out());
  }

  static String[] with(String[] first, String... then) {
    String[] all = java.util.Arrays.copyOf(first, first.length + then.length);
    System.arraycopy(then, 0, all, first.length, then.length);
    return all;
  }

  @Test
  void check_max_avoidable_cost_fails_the_cluster_without_the_routing_and_passes_it_with() {
    CliRun breach = check(off, "--max-avoidable-cost", "0.01");
    assertEquals(3, breach.exitCode(), breach.describe());
    assertTrue(breach.out().contains("avoidable cross-zone cost"), breach.out());
    assertTrue(breach.out().contains("app-server/server"), "names the Service: " + breach.out());
    CliRun pass = check(on, "--max-avoidable-cost", "0.01");
    assertEquals(0, pass.exitCode(), pass.describe());
    CliRun month = check(off, "--max-avoidable-cost", "1000", "--cost-basis", "month");
    assertEquals(0, month.exitCode(), month.describe());
    assertTrue(month.out().contains("30-day projection"), month.out());
  }

  static CliRun check(Backend b, String... extra) {
    return run("check", b, afterRolloutOf(), END, extra);
  }

  static Instant afterRolloutOf() {
    return SPEC.start().plus(Duration.ofMinutes(65));
  }

  static JsonNode service(JsonNode advice, String ns, String name) {
    for (JsonNode s : advice.get("services")) {
      if (s.get("namespace").asText().equals(ns) && s.get("service").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no " + ns + "/" + name + " in " + advice);
  }

  static long cross(JsonNode report) {
    return report.get("totals").get("cross-zone").asLong();
  }

  static JsonNode json(CliRun run) throws Exception {
    assertEquals(0, run.exitCode(), run.describe());
    return JSON.readTree(run.out());
  }

  static CliRun advise(Backend b, Instant from, Instant to, String... extra) {
    return run("advise", b, from, to, extra.length == 0 ? new String[] {"-o", "json"} : extra);
  }

  static CliRun report(Backend b, Instant from, Instant to) {
    return run("report", b, from, to, "--group-by", "service", "-o", "json");
  }

  static CliRun run(String command, Backend b, Instant from, Instant to, String... extra) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", "/nonexistent-home");
    String[] base = {
      command, "--prometheus-url", b.url, "--start", from.toString(), "--end", to.toString()
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.run(Clock.fixed(to, ZoneOffset.UTC), args);
  }
}
