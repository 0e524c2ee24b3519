package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Invariants of the models over many random Services. */
class AdvisePropertiesTest {
  static final List<String> ZONES = List.of("a", "b", "c", "d");

  static ServiceInput random(SplittableRandom r) {
    Inputs in = Inputs.service();
    int zones = 1 + r.nextInt(ZONES.size());
    for (int z = 0; z < zones; z++) {
      if (r.nextInt(4) > 0) {
        long bytes = r.nextLong(0, 1_000_000_000L);
        in.clients(ZONES.get(z), bytes, bytes == 0 ? 0 : r.nextLong(0, bytes + 1));
      }
      if (r.nextInt(3) > 0) {
        double e = r.nextInt(2) == 0 ? r.nextInt(1, 6) : r.nextDouble(0.1, 5);
        in.endpoints(ZONES.get(z), e, r.nextInt(2) == 0 ? 1.0 : r.nextDouble(0.05, 1));
      }
    }
    if (r.nextInt(4) == 0) {
      in.unknownClients(r.nextLong(0, 1_000_000L));
    }
    return in.build();
  }

  @Test
  void predicted_remaining_cross_never_exceeds_todays_and_the_saving_adds_up() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 2000; i++) {
      ServiceInput in = random(r);
      Advice a = Inputs.advisor().advise(in);
      assertTrue(a.remainingCrossBytes() <= a.crossBytes(), a.toString());
      assertTrue(a.savingBytes() >= 0, a.toString());
      assertEquals(a.crossBytes(), a.savingBytes() + a.remainingCrossBytes());
      assertTrue(a.modelledCrossBytes() <= in.clientBytes(), a.toString());
    }
  }

  @Test
  void load_ratios_weighted_by_endpoint_share_sum_to_1() {
    SplittableRandom r = new SplittableRandom(2);
    int checked = 0;
    for (int i = 0; i < 2000; i++) {
      ServiceInput in = random(r);
      if (in.clientBytes() == 0 || in.zonedEndpoints() == 0) {
        continue;
      }
      double sum = 0;
      double shares = 0;
      for (ZoneLoad l : PreferSameZone.predict(in).loads()) {
        sum += l.endpointShare() * l.ratio();
        shares += l.endpointShare();
      }
      assertEquals(1.0, sum, 1e-9, in.toString());
      assertEquals(1.0, shares, 1e-9);
      checked++;
    }
    assertTrue(checked > 400, "enough cases: " + checked);
  }

  @Test
  void the_suggested_replicas_leave_no_zone_overloaded() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 1500; i++) {
      ServiceInput in = random(r);
      var p = PreferSameZone.predict(in);
      if (!p.overloaded()) {
        continue;
      }
      Map<String, Double> scaled = new TreeMap<>();
      Map<String, Double> full = new TreeMap<>();
      for (ZoneLoad l : p.loads()) {
        assertTrue(l.suggestedReplicas() >= Math.ceil(l.endpoints() - 1e-9), l.toString());
        scaled.put(l.zone(), (double) l.suggestedReplicas());
        full.put(l.zone(), 1.0);
      }
      ServiceInput after =
          new ServiceInput(
              in.namespace(),
              in.name(),
              in.traffic(),
              in.unknownZoneClientBytes(),
              scaled,
              full,
              0,
              ServiceKind.CLUSTER_IP,
              false,
              null);
      assertFalse(PreferSameZone.predict(after).overloaded(), in + " -> " + scaled);
    }
  }

  @Test
  void auto_hands_out_every_endpoint_once_and_keeps_the_minimums() {
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 1500; i++) {
      ServiceInput in = random(r);
      Map<String, Double> cpu = new TreeMap<>();
      for (String z : ZONES.subList(0, 1 + r.nextInt(ZONES.size()))) {
        cpu.put(z, (double) r.nextInt(1, 33));
      }
      for (String z : in.endpoints().keySet()) {
        cpu.putIfAbsent(z, (double) r.nextInt(1, 33));
      }
      TopologyAuto.Prediction p = TopologyAuto.predict(in, new NodeCapacity(true, cpu, List.of()));
      if (p.dropped() != null) {
        assertEquals(in.crossBytes(), p.remainingCrossBytes());
        continue;
      }
      Map<String, Integer> own = TopologyAuto.wholeEndpoints(in);
      Map<String, Integer> given = new TreeMap<>();
      p.hintedFor()
          .values()
          .forEach(m -> m.forEach((from, n) -> given.merge(from, n, Integer::sum)));
      assertEquals(own, given, "each endpoint hinted for exactly one zone");
      long zoned = in.traffic().stream().mapToLong(ZoneTraffic::clientBytes).sum();
      assertTrue(p.remainingCrossBytes() <= zoned);
    }
  }
}
