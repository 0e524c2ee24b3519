package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * PreferSameNode as kube-proxy decides it ({@code pkg/proxy/topology.go}, topologyModeFromHints):
 * the node rule when every ready endpoint has a node hint and one is on the client's node, else the
 * zone rule, else every endpoint.
 */
class PreferSameNodeTest {
  /** Zone a's clients on node a1 (1000 bytes, 600 crossing) and a2 (1000, 400); b's on b1. */
  static Inputs crossing() {
    return Inputs.service()
        .clients("a", 2000, 1000)
        .clients("b", 1000, 500)
        .endpoints("a", 1)
        .endpoints("b", 1);
  }

  static final List<NodeInput.Client> CLIENTS =
      List.of(
          new NodeInput.Client("a1", "a", 1000, 600),
          new NodeInput.Client("a2", "a", 1000, 400),
          new NodeInput.Client("b1", "b", 1000, 500));

  static Advice advise(Inputs in, NodeInput nodes) {
    return Inputs.advisor().advise(in.build(), nodes);
  }

  @Test
  void with_every_endpoint_zoned_it_leaves_what_prefer_same_zone_leaves() {
    Advice a = advise(crossing(), new NodeInput(CLIENTS, Set.of("a1", "b1"), true));
    assertEquals(a.remainingCrossBytes(), a.sameNode().remainingCrossBytes());
    assertEquals(1500, a.sameNode().savingBytes());
  }

  @Test
  void an_endpoint_without_zone_leaves_the_node_rule_for_clients_on_an_endpoints_node() {
    // PreferSameZone is off while an endpoint has no zone; the node rule still holds for a1, b1.
    Advice a =
        advise(crossing().withoutZone(1), new NodeInput(CLIENTS, Set.of("a1", "b1", "x"), true));
    assertEquals(0, a.savingBytes());
    assertEquals(400, a.sameNode().remainingCrossBytes(), "a2 has no endpoint: every endpoint");
    assertEquals(1100, a.sameNode().savingBytes());
    assertTrue(a.sameNode().gating().isEmpty(), a.sameNode().toString());
    assertTrue(a.todo().contains("PreferSameNode would keep more in zone"), a.todo());
  }

  @Test
  void an_endpoint_without_a_node_name_falls_back_to_the_zone_rule() {
    NodeInput unnamed = new NodeInput(CLIENTS, Set.of("a1", "b1"), false);
    Advice zoned = advise(crossing(), unnamed);
    assertEquals(zoned.savingBytes(), zoned.sameNode().savingBytes());
    Advice zoneless = advise(crossing().withoutZone(1), unnamed);
    assertEquals(0, zoneless.sameNode().savingBytes(), "no hint holds: every endpoint");
  }

  @Test
  void a_zone_without_endpoints_keeps_crossing_unless_the_node_has_one() {
    // zone b has no endpoint; b1's clients cross, the a-clients stay in zone either way
    Inputs in = Inputs.service().clients("a", 2000, 1000).clients("b", 1000, 500).endpoints("a", 2);
    Advice a = advise(in, new NodeInput(CLIENTS, Set.of("a1", "a2"), true));
    assertEquals(500, a.sameNode().remainingCrossBytes());
    assertEquals(a.remainingCrossBytes(), a.sameNode().remainingCrossBytes());
  }

  @Test
  void gated_services_save_nothing_under_either_mode() {
    NodeInput nodes = new NodeInput(CLIENTS, Set.of("a1", "b1"), true);
    Advice headless = advise(crossing().kind(ServiceKind.HEADLESS), nodes);
    assertEquals(List.of(Gating.HEADLESS), headless.sameNode().gating());
    assertEquals(0, headless.sameNode().savingBytes());
    Advice on = advise(crossing().hinted(), nodes);
    assertEquals(List.of(Gating.ALREADY_ON), on.sameNode().gating());
  }

  @Test
  void before_1_34_prefer_same_node_is_not_there_and_prefer_same_zone_is_from_1_31() {
    NodeInput nodes = new NodeInput(CLIENTS, Set.of("a1", "b1"), true);
    Advisor v133 =
        Inputs.advisor(new KubernetesVersion(1, 33), Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN);
    Advice a = v133.advise(crossing().build(), nodes);
    assertEquals(List.of(Gating.SAME_NODE_TOO_OLD), a.sameNode().gating());
    assertEquals(0, a.sameNode().savingBytes());
    assertTrue(a.gating().isEmpty(), "PreferClose (same zone) is on from 1.31");
    assertEquals(1500, a.savingBytes());
    assertTrue(a.todo().contains("set spec.trafficDistribution: PreferClose"), a.todo());
    Advisor v130 =
        Inputs.advisor(new KubernetesVersion(1, 30), Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN);
    Advice old = v130.advise(crossing().build(), nodes);
    assertEquals(List.of(Gating.KUBERNETES_TOO_OLD), old.gating());
    assertEquals(List.of(Gating.SAME_NODE_TOO_OLD), old.sameNode().gating());
    Advisor v134 =
        Inputs.advisor(new KubernetesVersion(1, 34), Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN);
    assertTrue(v134.advise(crossing().build(), nodes).sameNode().gating().isEmpty());
  }

  /**
   * Seeded: never more remaining than today; never more than PreferSameZone leaves when every
   * endpoint has a zone; equal to it when no client's node has an endpoint.
   */
  @Test
  void property_same_node_saves_at_least_what_same_zone_saves() {
    SplittableRandom rng = new SplittableRandom(35);
    String[] zones = {"a", "b", "c"};
    for (int trial = 0; trial < 500; trial++) {
      Inputs in = Inputs.service();
      List<NodeInput.Client> clients = new ArrayList<>();
      Map<String, long[]> perZone = new TreeMap<>();
      for (int n = 0; n < 6; n++) {
        String zone = zones[n % 3];
        long bytes = rng.nextLong(1, 10_000);
        long cross = rng.nextLong(0, bytes + 1);
        clients.add(new NodeInput.Client("n" + n, zone, bytes, cross));
        long[] z = perZone.computeIfAbsent(zone, k -> new long[2]);
        z[0] += bytes;
        z[1] += cross;
      }
      perZone.forEach((z, v) -> in.clients(z, v[0], v[1]));
      Set<String> endpointNodes = new java.util.TreeSet<>();
      for (int n = 0; n < 6; n++) {
        if (rng.nextInt(3) == 0) {
          endpointNodes.add("n" + n);
          in.endpoints.merge(zones[n % 3], 1.0, Double::sum);
          in.coverage.put(zones[n % 3], 1.0);
        }
      }
      boolean zoneless = rng.nextInt(4) == 0;
      if (zoneless) {
        in.withoutZone(1);
      }
      if (in.endpoints.isEmpty() && !zoneless) {
        continue;
      }
      Advice a = advise(in, new NodeInput(clients, endpointNodes, true));
      Advice none = advise(in, new NodeInput(clients, Set.of(), true));
      String ctx = "trial " + trial + ": " + a;
      assertTrue(a.sameNode().remainingCrossBytes() <= a.crossBytes(), ctx);
      assertTrue(a.sameNode().remainingCrossBytes() <= none.sameNode().remainingCrossBytes(), ctx);
      if (!zoneless) {
        assertTrue(a.sameNode().savingBytes() >= a.savingBytes(), ctx);
        assertEquals(none.savingBytes(), none.sameNode().savingBytes(), ctx);
      } else {
        assertEquals(none.crossBytes(), none.sameNode().remainingCrossBytes(), ctx);
      }
    }
  }
}
