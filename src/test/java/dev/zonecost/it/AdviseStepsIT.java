package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import dev.zonecost.simulate.TrafficDistribution;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advise} decided step by step (issue 27) on the {@code services} cluster, against
 * Prometheus 2 (closed ranges) and VictoriaMetrics (left-open ranges). The expected saving per
 * Service comes from the model: the same cluster with PreferSameZone routed interval by interval by
 * the simulator (kube-proxy's rule, {@code pkg/proxy/topology.go}), its exact answer per Service.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviseStepsIT {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  static final SimulationSpec SPEC =
      SimulationSpec.builder(SimulationSpec.SERVICES, END).hours(2).seed(27).build();

  SimulatedCluster before;
  Map<String, Long> simulated;
  Map<String, Long> simulatedSameNode;
  long serviceBytes;
  Backend prometheus;
  Backend victoria;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    before = Simulator.generate(SPEC);
    SimulatedCluster after =
        Simulator.generate(
            SPEC.toBuilder().distribution(TrafficDistribution.PREFER_SAME_ZONE).build());
    Map<String, Long> off = crossByService(before);
    Map<String, Long> on = crossByService(after);
    simulated = new TreeMap<>();
    off.forEach((k, v) -> simulated.put(k, v - on.getOrDefault(k, 0L)));
    Map<String, Long> onNode =
        crossByService(
            Simulator.generate(
                SPEC.toBuilder().distribution(TrafficDistribution.PREFER_SAME_NODE).build()));
    simulatedSameNode = new TreeMap<>();
    off.forEach((k, v) -> simulatedSameNode.put(k, v - onNode.getOrDefault(k, 0L)));
    serviceBytes =
        before.answer().expectedByService(SPEC.start(), END).stream()
            .filter(r -> r.key().destination().kind().equals("Service"))
            .mapToLong(TrafficRow::bytes)
            .sum();
    prometheus = Backend.prometheus(dir.resolve("prom"), before);
    victoria = Backend.victoriaMetrics(dir.resolve("vm"), before);
  }

  @AfterAll
  void stop() throws Exception {
    prometheus.close();
    victoria.close();
  }

  /** Per Service, the cross-zone bytes of its clients' requests and replies in the model. */
  static Map<String, Long> crossByService(SimulatedCluster c) {
    Map<String, Long> out = new TreeMap<>();
    for (TrafficRow r : c.answer().expectedByService(SPEC.start(), END)) {
      var svc =
          r.key().destination().kind().equals("Service")
              ? r.key().destination()
              : r.key().source().kind().equals("Service") ? r.key().source() : null;
      if (svc != null) {
        out.merge(
            svc.namespace() + "/" + svc.name(),
            r.locality() == Locality.CROSS_ZONE ? r.bytes() : 0,
            Long::sum);
      }
    }
    return out;
  }

  Map<String, JsonNode> advise(Backend b) throws Exception {
    JsonNode advice = AdviseIT.json(AdviseIT.run("advise", b, SPEC.start(), END, "-o", "json"));
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode s : advice.get("services")) {
      out.put(s.get("namespace").asText() + "/" + s.get("service").asText(), s);
    }
    return out;
  }

  void everyServiceWithinHalfAPercent(Backend b) throws Exception {
    everyServiceWithinHalfAPercent(b, "preferSameZone", simulated);
  }

  void everyServiceWithinHalfAPercent(Backend b, String mode, Map<String, Long> simulated)
      throws Exception {
    Map<String, JsonNode> advice = advise(b);
    TreeSet<String> predictedToSave = new TreeSet<>();
    TreeSet<String> saving = new TreeSet<>();
    StringBuilder table = new StringBuilder();
    for (Map.Entry<String, Long> e : simulated.entrySet()) {
      JsonNode s = advice.get(e.getKey());
      long predicted = s.get(mode).get("savingBytes").asLong();
      long truth = e.getValue();
      table.append(
          String.format(
              "  %-20s predicted %,15d  simulated %,15d  %s%n",
              e.getKey(),
              predicted,
              truth,
              truth == 0 ? "" : String.format("%+.3f%%", (predicted - truth) * 100.0 / truth)));
      if (predicted > 0) {
        predictedToSave.add(e.getKey());
      }
      if (truth > 0) {
        saving.add(e.getKey());
      }
    }
    System.out.print(
        "advise step by step on services (seed 27), " + mode + ", " + b.name + ":\n" + table);
    for (Map.Entry<String, Long> e : simulated.entrySet()) {
      long predicted = advice.get(e.getKey()).get(mode).get("savingBytes").asLong();
      long truth = e.getValue();
      long clients = 0;
      for (JsonNode z : advice.get(e.getKey()).get("clientBytesByZone")) {
        clients += z.asLong();
      }
      if (clients > 0.01 * serviceBytes) {
        assertTrue(
            Math.abs(predicted - truth) <= 0.005 * Math.max(truth, 1),
            e.getKey() + ": predicted " + predicted + " vs simulated " + truth + "\n" + table);
      }
    }
    assertEquals(saving, predictedToSave, table.toString());
  }

  @Test
  void every_service_saving_is_within_half_a_percent_on_prometheus() throws Exception {
    everyServiceWithinHalfAPercent(prometheus);
  }

  @Test
  void every_service_saving_is_within_half_a_percent_on_victoria_metrics() throws Exception {
    everyServiceWithinHalfAPercent(victoria);
  }

  @Test
  void every_service_same_node_saving_is_within_half_a_percent_on_prometheus() throws Exception {
    everyServiceWithinHalfAPercent(prometheus, "preferSameNode", simulatedSameNode);
  }

  @Test
  void every_service_same_node_saving_is_within_half_a_percent_on_victoria_metrics()
      throws Exception {
    everyServiceWithinHalfAPercent(victoria, "preferSameNode", simulatedSameNode);
  }

  @Test
  void same_node_keeps_clients_on_nodes_with_an_endpoint_where_same_zone_saves_nothing()
      throws Exception {
    JsonNode s = advise(prometheus).get("shop/node-local");
    assertEquals(0, s.get("preferSameZone").get("savingBytes").asLong(), s.toString());
    long predicted = s.get("preferSameNode").get("savingBytes").asLong();
    assertTrue(predicted > 0, s.toString());
    assertEquals(simulatedSameNode.get("shop/node-local"), predicted, s.toString());
    // the clients on nodes without an endpoint still cross
    assertTrue(s.get("preferSameNode").get("remainingCrossZoneBytes").asLong() > 0);
  }

  @Test
  void without_mesh_series_no_service_is_said_to_be_meshed() throws Exception {
    for (JsonNode s : advise(victoria).values()) {
      assertTrue(s.get("mesh").isNull(), s.toString());
    }
  }

  @Test
  void a_zoneless_endpoint_that_leaves_at_48_percent_gates_only_that_share() throws Exception {
    JsonNode s = advise(prometheus).get("shop/zoneless");
    long predicted = s.get("preferSameZone").get("savingBytes").asLong();
    assertTrue(predicted > 0, s.toString());
    assertEquals(simulated.get("shop/zoneless"), predicted, s.toString());
    JsonNode g = s.get("gating").get(0);
    assertEquals("endpoints-without-zone", g.get("reason").asText());
    assertEquals(0.48, g.get("windowShare").asDouble(), 0.01, s.toString());
  }

  @Test
  void a_zone_whose_endpoints_leave_at_42_percent_keeps_its_clients_until_then() throws Exception {
    JsonNode s = advise(prometheus).get("shop/leaving");
    assertEquals(
        simulated.get("shop/leaving"), s.get("preferSameZone").get("savingBytes").asLong());
    assertTrue(s.get("preferSameZone").get("remainingCrossZoneBytes").asLong() > 0);
  }

  @Test
  void a_rollout_that_moves_endpoints_and_clients_that_move_are_followed() throws Exception {
    Map<String, JsonNode> advice = advise(prometheus);
    for (String svc : new String[] {"shop/rollout", "shop/movers", "shop/late-zoneless"}) {
      assertEquals(
          simulated.get(svc),
          advice.get(svc).get("preferSameZone").get("savingBytes").asLong(),
          svc);
    }
  }

  @Test
  void overload_reports_the_worst_step_and_the_share_of_the_window_over_the_limit()
      throws Exception {
    JsonNode psz = advise(prometheus).get("shop/hot").get("preferSameZone");
    assertTrue(psz.get("worstLoadRatio").asDouble() > 1.2, psz.toString());
    assertEquals("us-east-1a", psz.get("worstLoadZone").asText());
    assertEquals(1.0, psz.get("overloadedShare").asDouble(), 1e-9, psz.toString());
  }
}
