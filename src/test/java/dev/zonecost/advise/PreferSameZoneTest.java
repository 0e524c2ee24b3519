package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.cost.CostEstimator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PreferSameZone's prediction, computed by hand. */
class PreferSameZoneTest {
  /** a: 1 endpoint, b: 2, c: none; 300 bytes of clients in each zone. */
  static ServiceInput threeZones() {
    return Inputs.service()
        .clients("a", 300, 200)
        .clients("b", 300, 100)
        .clients("c", 300, 300)
        .endpoints("a", 1)
        .endpoints("b", 2)
        .build();
  }

  @Test
  void what_still_crosses_is_the_clients_of_zones_without_an_endpoint() {
    assertEquals(300, PreferSameZone.predict(threeZones()).remainingCrossBytes());
  }

  @Test
  void load_ratio_is_served_share_over_endpoint_share_with_spill_over() {
    var loads = PreferSameZone.predict(threeZones()).loads();
    // a serves its 300 and a third of c's 300: 400 of 900 with a third of the endpoints
    assertEquals("a", loads.get(0).zone());
    assertEquals(400.0 / 900 * 3, loads.get(0).ratio(), 1e-9);
    assertTrue(loads.get(0).overloaded());
    // b: 300 + 200 of 900 with two thirds
    assertEquals(500.0 / 900 * 1.5, loads.get(1).ratio(), 1e-9);
    assertFalse(loads.get(1).overloaded());
  }

  @Test
  void suggests_the_replicas_that_bring_every_zone_under_1_2() {
    var loads = PreferSameZone.predict(threeZones()).loads();
    // one more in a: 450 of 900 with half the endpoints in each zone, ratio 1
    assertEquals(2, loads.get(0).suggestedReplicas());
    assertEquals(2, loads.get(1).suggestedReplicas());
  }

  @Test
  void a_zone_with_endpoints_for_half_the_window_keeps_half_its_clients_in_zone() {
    ServiceInput in =
        Inputs.service()
            .clients("a", 400, 400)
            .clients("b", 400, 0)
            .endpoints("a", 0.5, 0.5)
            .endpoints("b", 2)
            .build();
    assertEquals(200, PreferSameZone.predict(in).remainingCrossBytes());
  }

  @Test
  void never_predicts_more_crossing_than_measured() {
    ServiceInput in =
        Inputs.service().clients("c", 1000, 10).endpoints("a", 1).endpoints("b", 1).build();
    assertEquals(10, PreferSameZone.predict(in).remainingCrossBytes());
  }

  @Test
  void advice_prints_both_todays_numbers_the_saving_and_its_month() {
    Advice a = Inputs.advisor().advise(threeZones());
    assertEquals(600, a.crossBytes());
    // uniform: a 300·2/3 + b 300·1/3 + c 300·3/3
    assertEquals(600, a.modelledCrossBytes());
    assertFalse(a.longLived());
    assertEquals(300, a.remainingCrossBytes());
    assertEquals(300, a.savingBytes());
    assertEquals(Inputs.PRICES.crossZoneCost(300), a.savingCost());
    assertEquals(
        CostEstimator.projection(Inputs.PRICES.crossZoneCost(300), Duration.ofDays(1)),
        a.savingCostMonthly());
    assertTrue(a.todo().startsWith("scale to a 2, b 2 ready endpoints"), a.todo());
    assertTrue(a.todo().contains("set spec.trafficDistribution: PreferSameZone"), a.todo());
    assertTrue(a.todo().contains("an endpoint in c"), a.todo());
  }

  @Test
  void flags_measured_and_modelled_more_than_10_percent_apart() {
    ServiceInput in =
        Inputs.service()
            .clients("a", 1000, 800)
            .clients("b", 1000, 500)
            .endpoints("a", 1)
            .endpoints("b", 1)
            .build();
    Advice a = Inputs.advisor().advise(in);
    assertEquals(1000, a.modelledCrossBytes());
    assertEquals(1300, a.crossBytes());
    assertTrue(a.longLived());
  }

  @Test
  void unknown_zone_clients_spread_over_every_endpoint() {
    ServiceInput in =
        Inputs.service()
            .clients("a", 100, 0)
            .unknownClients(100)
            .endpoints("a", 1)
            .endpoints("b", 1)
            .build();
    var loads = PreferSameZone.predict(in).loads();
    assertEquals((100 + 50) / 200.0 / 0.5, loads.get(0).ratio(), 1e-9);
    assertEquals(50 / 200.0 / 0.5, loads.get(1).ratio(), 1e-9);
  }

  @Test
  void before_1_34_the_value_to_set_is_prefer_close() {
    Advice a =
        Inputs.advisor(new KubernetesVersion(1, 32), Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN)
            .advise(threeZones());
    assertTrue(a.todo().contains("trafficDistribution: PreferClose"), a.todo());
  }
}
