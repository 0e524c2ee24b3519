package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** topology-mode Auto's allocation and safeguards, computed by hand. */
class TopologyAutoTest {
  static NodeCapacity cpu(double a, double b, double c) {
    return new NodeCapacity(true, Map.of("a", a, "b", b, "c", c), List.of());
  }

  static ServiceInput twoZonesOfEndpoints() {
    return Inputs.service()
        .clients("a", 100, 50)
        .clients("b", 100, 50)
        .clients("c", 200, 200)
        .endpoints("a", 2)
        .endpoints("b", 2)
        .build();
  }

  @Test
  void zones_get_endpoints_in_proportion_to_cpu_donated_by_the_zones_above_their_share() {
    // shares 1/4, 1/4, 1/2 of 4 endpoints: a and b each give one to c
    TopologyAuto.Prediction p = TopologyAuto.predict(twoZonesOfEndpoints(), cpu(4, 4, 8));
    assertNull(p.dropped());
    assertEquals(
        Map.of("a", Map.of("a", 1), "b", Map.of("b", 1), "c", Map.of("a", 1, "b", 1)),
        p.hintedFor());
    // a and b stay in zone; all of c's 200 go to endpoints in a and b
    assertEquals(200, p.remainingCrossBytes());
  }

  @Test
  void even_cpu_leaves_every_endpoint_in_its_zone_and_zones_without_fall_back_to_all() {
    ServiceInput in =
        Inputs.service()
            .clients("a", 100, 50)
            .clients("b", 100, 50)
            .endpoints("a", 1)
            .endpoints("b", 1)
            .build();
    TopologyAuto.Prediction p =
        TopologyAuto.predict(in, new NodeCapacity(true, Map.of("a", 2.0, "b", 2.0), List.of()));
    assertEquals(0, p.remainingCrossBytes());
  }

  @Test
  void fewer_endpoints_than_zones_drops_the_hints() {
    ServiceInput in =
        Inputs.service().clients("a", 10, 5).endpoints("a", 1).endpoints("b", 1).build();
    TopologyAuto.Prediction p = TopologyAuto.predict(in, cpu(1, 1, 1));
    assertEquals(TopologyAuto.Dropped.FEWER_ENDPOINTS_THAN_ZONES, p.dropped());
    assertEquals(5, p.remainingCrossBytes());
  }

  @Test
  void minimums_past_the_20_percent_overload_drop_the_hints() {
    // c has 10/12 of the CPU: it needs ceil(3 · 10/12 / 1.2) = 3 of 3 endpoints, a and b 1 each
    ServiceInput in =
        Inputs.service()
            .clients("a", 10, 5)
            .endpoints("a", 1)
            .endpoints("b", 1)
            .endpoints("c", 1)
            .build();
    assertEquals(TopologyAuto.Dropped.OVERLOAD, TopologyAuto.predict(in, cpu(1, 1, 10)).dropped());
  }

  @Test
  void a_node_without_zone_or_cpu_drops_the_hints() {
    NodeCapacity nodes = new NodeCapacity(true, Map.of("a", 4.0, "b", 4.0), List.of("node-9"));
    assertEquals(
        TopologyAuto.Dropped.INSUFFICIENT_NODE_INFO,
        TopologyAuto.predict(twoZonesOfEndpoints(), nodes).dropped());
  }

  @Test
  void nodes_in_one_zone_drop_the_hints() {
    NodeCapacity nodes = new NodeCapacity(true, Map.of("a", 4.0), List.of());
    assertEquals(
        TopologyAuto.Dropped.ONE_ZONE,
        TopologyAuto.predict(twoZonesOfEndpoints(), nodes).dropped());
  }

  @Test
  void an_endpoint_without_zone_drops_the_hints() {
    ServiceInput in = Inputs.service().clients("a", 10, 5).endpoints("a", 2).withoutZone(1).build();
    assertEquals(
        TopologyAuto.Dropped.ENDPOINT_WITHOUT_ZONE,
        TopologyAuto.predict(in, cpu(1, 1, 1)).dropped());
  }

  @Test
  void without_allocatable_cpu_it_cannot_tell() {
    assertEquals(
        TopologyAuto.Dropped.NODE_CPU_UNKNOWN,
        TopologyAuto.predict(twoZonesOfEndpoints(), NodeCapacity.UNKNOWN).dropped());
  }
}
