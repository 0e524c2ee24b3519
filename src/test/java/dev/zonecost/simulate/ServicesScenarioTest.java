package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Service;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The services scenario's PreferSameZone cluster against a naive twin of kube-proxy's rule over the
 * model (written here, not SameZoneRouting): per connection and step, the bytes that crossed zones
 * and that the rule would have kept in the client's zone.
 */
class ServicesScenarioTest {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  static final SimulationSpec SPEC =
      SimulationSpec.builder(SimulationSpec.SERVICES, END).hours(2).seed(27).build();

  /** pkg/proxy/topology.go, topologyModeFromHints: all ready endpoints zoned, one in the zone. */
  static boolean kept(Service s, String zone, int k) {
    boolean any = false;
    for (Pod p : s.backends()) {
      if (p.from() <= k && k <= p.to()) {
        if (p.node().zone() == null) {
          return false;
        }
        any |= p.node().zone().equals(zone);
      }
    }
    return any;
  }

  static Map<String, Long> twin(SimulatedCluster c) {
    Map<String, Long> saving = new TreeMap<>();
    int w0 = SPEC.historySteps();
    for (Flow f : c.flows()) {
      if (f.via() == null) {
        continue;
      }
      String key = f.via().namespace() + "/" + f.via().name();
      saving.putIfAbsent(key, 0L);
      String zone = f.opener().node().zone();
      if (zone == null || zone.equals(f.peer().node().zone()) || f.peer().node().zone() == null) {
        continue;
      }
      long[] req = f.request();
      long[] rep = f.reply();
      for (int k = Math.max(f.from(), w0 + 1); k <= f.to(); k++) {
        if (kept(f.via(), zone, k)) {
          saving.merge(key, req[k - f.from()] + rep[k - f.from()], Long::sum);
        }
      }
    }
    return saving;
  }

  static Map<String, Long> cross(SimulatedCluster c) {
    Map<String, Long> out = new TreeMap<>();
    for (TrafficRow r : c.answer().expectedByService(SPEC.start(), END)) {
      var svc = r.key().destination().kind().equals("Service") ? r.key().destination() : null;
      svc = svc == null && r.key().source().kind().equals("Service") ? r.key().source() : svc;
      if (svc != null && r.locality() == Locality.CROSS_ZONE) {
        out.merge(svc.namespace() + "/" + svc.name(), r.bytes(), Long::sum);
      }
    }
    return out;
  }

  @Test
  void routing_interval_by_interval_saves_what_the_rule_keeps_in_zone_step_by_step() {
    SimulatedCluster off = Simulator.generate(SPEC);
    SimulatedCluster on =
        Simulator.generate(
            SPEC.toBuilder().distribution(TrafficDistribution.PREFER_SAME_ZONE).build());
    Map<String, Long> expected = twin(off);
    Map<String, Long> before = cross(off);
    Map<String, Long> after = cross(on);
    Map<String, Long> simulated = new TreeMap<>();
    expected
        .keySet()
        .forEach(k -> simulated.put(k, before.getOrDefault(k, 0L) - after.getOrDefault(k, 0L)));
    assertEquals(16, expected.size(), expected.toString());
    assertEquals(expected, simulated);
    assertTrue(expected.get("shop/zoneless") > 0);
  }
}
