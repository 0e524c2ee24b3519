package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The {@code switch} cluster against a naive twin of kube-proxy's rule written here: before a
 * Service's switch-on step nothing is re-routed (its endpoints carry no zone hint, so {@code
 * topologyModeFromHints} returns ""), from it the bytes the rule keeps in the client's zone stop
 * crossing.
 */
class SwitchScenarioTest {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  static final SimulationSpec SPEC =
      SimulationSpec.builder(SimulationSpec.SWITCH, END).hours(2).seed(27).build();

  /** The step of an instant on the cluster's grid. */
  static int step(Instant t) {
    return (int)
        (Duration.between(SPEC.dataStart(), t).toMillis() / SPEC.scrapeInterval().toMillis());
  }

  /**
   * Per Service, the bytes of steps (after, to] that cross zones without routing but not with it.
   */
  static Map<String, Long> twin(SimulatedCluster off, Map<String, Instant> on, int after, int to) {
    Map<String, Long> saving = new TreeMap<>();
    for (Flow f : off.flows()) {
      String key = f.via().namespace() + "/" + f.via().name();
      saving.putIfAbsent(key, 0L);
      String zone = f.opener().node().zone();
      if (!on.containsKey(key) || zone.equals(f.peer().node().zone())) {
        continue;
      }
      long[] req = f.request();
      long[] rep = f.reply();
      for (int k = Math.max(f.from(), Math.max(after + 1, step(on.get(key))));
          k <= Math.min(to, f.to());
          k++) {
        if (ServicesScenarioTest.kept(f.via(), zone, k)) {
          saving.merge(key, req[k - f.from()] + rep[k - f.from()], Long::sum);
        }
      }
    }
    return saving;
  }

  static Map<String, Long> cross(SimulatedCluster c, Instant from, Instant to) {
    Map<String, Long> out = new TreeMap<>();
    for (var r : c.answer().expectedByService(from, to)) {
      var svc = r.key().destination().kind().equals("Service") ? r.key().destination() : null;
      svc = svc == null && r.key().source().kind().equals("Service") ? r.key().source() : svc;
      if (svc != null) {
        out.merge(
            svc.namespace() + "/" + svc.name(),
            r.locality() == dev.zonecost.accounting.Locality.CROSS_ZONE ? r.bytes() : 0,
            Long::sum);
      }
    }
    return out;
  }

  @Test
  void routing_starts_at_each_services_own_switch_and_keeps_what_the_rule_keeps() {
    SimulatedCluster off = SwitchScenario.generate(SPEC, false);
    SimulatedCluster on = Simulator.generate(SPEC);
    Map<String, Instant> switched = on.switchedOn();
    assertEquals(5, switched.size(), switched.toString());
    assertTrue(!switched.containsKey("shop/left-off"));
    assertEquals(5, switched.values().stream().distinct().count(), "one switch time per Service");
    Map<String, Long> expected = twin(off, switched, SPEC.historySteps(), SPEC.steps());
    Map<String, Long> before = cross(off, SPEC.start(), END);
    Map<String, Long> after = cross(on, SPEC.start(), END);
    Map<String, Long> simulated = new TreeMap<>();
    expected.keySet().forEach(k -> simulated.put(k, before.get(k) - after.get(k)));
    assertEquals(expected, simulated);
    assertEquals(0, simulated.get("shop/left-off"));
    switched.keySet().forEach(k -> assertTrue(simulated.get(k) > 0, k));
  }

  @Test
  void the_before_window_is_the_same_cluster_unrouted() {
    SimulatedCluster off = SwitchScenario.generate(SPEC, false);
    SimulatedCluster on = Simulator.generate(SPEC);
    Instant beforeEnd = SPEC.start().plus(Duration.ofMinutes(48));
    assertEquals(cross(off, SPEC.start(), beforeEnd), cross(on, SPEC.start(), beforeEnd));
    on.switchedOn().values().forEach(t -> assertTrue(t.isAfter(beforeEnd), t.toString()));
  }

  @Test
  void hints_appear_at_the_switch_and_only_on_zoned_endpoints() {
    SimulatedCluster on = Simulator.generate(SPEC);
    Map<String, Integer> firstHint = new TreeMap<>();
    for (ClusterModel.Series s : on.series()) {
      if (s.family().equals(SimulatedCluster.KUBE_ENDPOINTSLICE_HINTS)) {
        firstHint.merge(s.labels().get("endpointslice"), s.from(), Math::min);
      }
    }
    for (Service s : on.services()) {
      Instant t = on.switchedOn().get(s.namespace() + "/" + s.name());
      if (t == null) {
        assertTrue(!firstHint.containsKey(s.slice()), s.name());
      } else {
        assertEquals(step(t), firstHint.get(s.slice()), s.name());
      }
    }
    assertEquals(
        0,
        on.series().stream()
            .filter(x -> x.family().equals(SimulatedCluster.KUBE_ENDPOINTSLICE_HINTS))
            .filter(x -> x.labels().get("for_zone") == null)
            .count());
  }

  @Test
  void every_case_is_a_service_of_the_cluster() {
    SimulatedCluster on = Simulator.generate(SPEC);
    assertEquals(
        new java.util.TreeSet<>(SwitchScenario.CASES.keySet()),
        new java.util.TreeSet<>(on.services().stream().map(Service::name).toList()));
  }
}
