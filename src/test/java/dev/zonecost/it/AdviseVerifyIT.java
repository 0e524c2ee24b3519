package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import dev.zonecost.simulate.SwitchScenario;
import dev.zonecost.simulate.TrafficDistribution;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advise --verify} (issue 27) on the {@code switch} cluster, whose Services are switched to
 * PreferSameZone between 42% and 47% of the window, some delivering and some not. Every expected
 * figure is the simulator's: the cluster's own exact answer after the switch (measured), the same
 * cluster routed from the start over the earlier window (the prediction's truth), and each case's
 * reason as the scenario states it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviseVerifyIT {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  static final SimulationSpec SPEC =
      SimulationSpec.builder(SimulationSpec.SWITCH, END).hours(2).seed(27).build();
  static final Duration WINDOW = Duration.between(SPEC.start(), END);
  static final Instant BEFORE_END = at(SwitchScenario.BEFORE_END);
  static final Instant AFTER_START = at(SwitchScenario.AFTER_START);

  /** Per Service: client bytes and cross-zone bytes, simulated. */
  record Truth(long clients, long cross) {}

  Map<String, Truth> before;
  Map<String, Truth> after;
  Map<String, Long> routedBefore;
  Backend prometheus;
  Backend victoria;

  static Instant at(double share) {
    return SPEC.start().plus(Duration.ofMillis(Math.round(share * WINDOW.toMillis())));
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    SimulatedCluster switched = Simulator.generate(SPEC);
    SimulatedCluster routed =
        Simulator.generate(
            SPEC.toBuilder().distribution(TrafficDistribution.PREFER_SAME_ZONE).build());
    before = truth(switched, SPEC.start(), BEFORE_END);
    after = truth(switched, AFTER_START, END);
    routedBefore = new TreeMap<>();
    truth(routed, SPEC.start(), BEFORE_END).forEach((k, t) -> routedBefore.put(k, t.cross()));
    prometheus = Backend.prometheus(dir.resolve("prom"), switched);
    victoria = Backend.victoriaMetrics(dir.resolve("vm"), switched);
  }

  @AfterAll
  void stop() throws Exception {
    prometheus.close();
    victoria.close();
  }

  static Map<String, Truth> truth(SimulatedCluster c, Instant from, Instant to) {
    Map<String, long[]> sums = new TreeMap<>();
    for (TrafficRow r : c.answer().expectedByService(from, to)) {
      var svc =
          r.key().destination().kind().equals("Service")
              ? r.key().destination()
              : r.key().source().kind().equals("Service") ? r.key().source() : null;
      if (svc != null) {
        long[] s = sums.computeIfAbsent(svc.namespace() + "/" + svc.name(), k -> new long[2]);
        s[0] += r.bytes();
        s[1] += r.locality() == Locality.CROSS_ZONE ? r.bytes() : 0;
      }
    }
    Map<String, Truth> out = new TreeMap<>();
    sums.forEach((k, s) -> out.put(k, new Truth(s[0], s[1])));
    return out;
  }

  CliRun verify(Backend b, String... extra) {
    List<String> args = new ArrayList<>(List.of("--verify", SPEC.start() + "/" + BEFORE_END));
    args.addAll(List.of(extra));
    return AdviseIT.run("advise", b, AFTER_START, END, args.toArray(String[]::new));
  }

  Map<String, JsonNode> services(Backend b) throws Exception {
    CliRun run = verify(b, "-o", "json");
    assertEquals(3, run.exitCode(), run.describe());
    JsonNode doc = AdviseIT.JSON.readTree(run.out());
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode s : doc.get("services")) {
      out.put(s.get("namespace").asText() + "/" + s.get("service").asText(), s);
    }
    return out;
  }

  /** The simulator's delivered share: its own bytes, normalised as the docs say. */
  double simulatedDelivered(String svc) {
    Truth b = before.get(svc);
    Truth a = after.get(svc);
    long baseline = Math.round(b.cross() / (double) b.clients() * a.clients());
    long predicted = Math.round(routedBefore.get(svc) / (double) b.clients() * a.clients());
    return (baseline - a.cross()) / (double) (baseline - predicted);
  }

  void everyServiceAsSimulated(Backend b) throws Exception {
    Map<String, JsonNode> got = services(b);
    StringBuilder table = new StringBuilder();
    for (String svc : after.keySet()) {
      JsonNode s = got.get(svc);
      table.append(
          String.format(
              "  %-16s predicted %,14d (truth %,14d)  after: predicted %,14d  measured %,14d"
                  + " (truth %,14d)  delivered %6.3f (sim %6.3f)  %s %s%n",
              svc,
              s.get("before").get("predictedCrossZoneBytes").asLong(),
              routedBefore.get(svc),
              s.get("after").get("predictedCrossZoneBytes").asLong(),
              s.get("after").get("crossZoneBytes").asLong(),
              after.get(svc).cross(),
              s.get("delivered").asDouble(),
              simulatedDelivered(svc),
              s.get("verdict").asText(),
              s.get("reasons").findValuesAsText("reason")));
    }
    System.out.print("advise --verify on switch (seed 27), " + b.name + ":\n" + table);
    assertEquals(after.keySet(), got.keySet(), table.toString());
    for (String svc : after.keySet()) {
      JsonNode s = got.get(svc);
      String why = table.toString();
      assertEquals(before.get(svc).clients(), s.get("before").get("clientBytes").asLong(), why);
      assertEquals(before.get(svc).cross(), s.get("before").get("crossZoneBytes").asLong(), why);
      assertEquals(
          routedBefore.get(svc), s.get("before").get("predictedCrossZoneBytes").asLong(), why);
      assertEquals(after.get(svc).clients(), s.get("after").get("clientBytes").asLong(), why);
      assertEquals(after.get(svc).cross(), s.get("after").get("crossZoneBytes").asLong(), why);
      String reason = SwitchScenario.CASES.get(svc.substring(svc.indexOf('/') + 1));
      double delivered = simulatedDelivered(svc);
      String verdict =
          reason.isEmpty()
              ? "delivered"
              : reason.equals("routing-off")
                  ? "not-on"
                  : delivered > 0 ? "partly" : "not-delivered";
      assertEquals(reason.isEmpty(), delivered >= 0.9, svc + " (the scenario's case)\n" + why);
      assertEquals(verdict, s.get("verdict").asText(), svc + "\n" + why);
      assertEquals(delivered, s.get("delivered").asDouble(), 1e-4, svc + "\n" + why);
      assertEquals(
          reason.isEmpty() ? List.of() : List.of(reason),
          s.get("reasons").findValuesAsText("reason"),
          svc + "\n" + why);
    }
  }

  @Test
  void every_service_measured_after_the_switch_is_the_simulated_outcome_on_prometheus()
      throws Exception {
    everyServiceAsSimulated(prometheus);
  }

  @Test
  void every_service_measured_after_the_switch_is_the_simulated_outcome_on_victoria_metrics()
      throws Exception {
    everyServiceAsSimulated(victoria);
  }

  @Test
  void a_zoneless_endpoint_after_the_switch_reports_the_share_of_the_window_it_suspended()
      throws Exception {
    JsonNode s = services(prometheus).get("shop/suspended");
    JsonNode r = s.get("reasons").get(0);
    assertEquals("endpoints-without-zone", r.get("reason").asText(), s.toString());
    // Ready from 60% of the window to its end: 0.4 of the current window's 0.5.
    assertEquals(0.8, r.get("windowShare").asDouble(), 0.02, s.toString());
  }

  @Test
  void the_table_says_who_fell_short_and_why() throws Exception {
    CliRun run = verify(prometheus);
    assertEquals(3, run.exitCode(), run.describe());
    System.out.print(run.out());
    assertTrue(run.out().contains("shop/moved"), run.out());
    assertTrue(run.out().contains("4 Services fell short."), run.out());
    assertTrue(run.out().contains("shop/clients: clients-moved"), run.out());
  }
}
