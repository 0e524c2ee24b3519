package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Service;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** simulate --traffic-distribution prefer-same-zone: kube-proxy's choice under zone hints. */
class SameZoneRoutingTest {
  static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");
  static final WorkloadRef CLIENT = new WorkloadRef("ns", "Deployment", "client");
  static final WorkloadRef API = new WorkloadRef("ns", "Deployment", "api");

  /**
   * Clients in zones a, b and on a node without zone call Service api, whose endpoints are in a
   * (two) and c; with {@code zonelessEndpoint} one more endpoint sits on the zoneless node.
   */
  static SimulatedCluster cluster(TrafficDistribution d, boolean zonelessEndpoint) {
    ClusterBuilder b =
        SimulatedCluster.builder(
                "tiny", T0, 3, Duration.ofSeconds(60), DataAggregationLevel.LOW, false)
            .ksmInstance("ksm-0");
    b.distribution = d;
    Node a = b.node("node-a", "10.0.1.1", "zone-a");
    Node bb = b.node("node-b", "10.0.2.1", "zone-b");
    Node c = b.node("node-c", "10.0.3.1", "zone-c");
    Node none = b.node("node-x", "10.0.9.1", null);
    Pod ca = pod(b, "client-a", "10.0.11.1", a, CLIENT);
    Pod cb = pod(b, "client-b", "10.0.21.1", bb, CLIENT);
    Pod cx = pod(b, "client-x", "10.0.91.1", none, CLIENT);
    Pod a1 = pod(b, "api-a1", "10.0.11.2", a, API);
    Pod a2 = pod(b, "api-a2", "10.0.11.3", a, API);
    Pod c1 = pod(b, "api-c1", "10.0.31.1", c, API);
    Service api = b.service("ns", "api", "uid-api-00001", "10.100.0.10");
    for (Pod p : List.of(a1, a2, c1)) {
      b.backend(api, p);
    }
    if (zonelessEndpoint) {
      b.backend(api, pod(b, "api-x1", "10.0.91.2", none, API));
    }
    long[] bytes = {100, 100, 100, 100};
    b.flow(ca, c1, bytes, bytes, api); // crosses today: re-routed to a1 or a2
    b.flow(ca, a1, bytes, bytes, api);
    b.flow(cb, c1, bytes, bytes, api); // zone b has no endpoint: stays
    b.flow(cx, c1, bytes, bytes, api); // client without zone: stays
    return b.build();
  }

  static Pod pod(ClusterBuilder b, String name, String ip, Node n, WorkloadRef w) {
    return b.pod("ns", name, "u-" + name, ip, n, "ReplicaSet", w.name() + "-h", w, 0, 3);
  }

  static long cross(SimulatedCluster c) {
    return c.answer().expected().stream()
        .filter(r -> r.locality() == Locality.CROSS_ZONE)
        .mapToLong(TrafficRow::bytes)
        .sum();
  }

  static long all(SimulatedCluster c) {
    return c.answer().expected().stream().mapToLong(TrafficRow::bytes).sum();
  }

  @Test
  void a_client_with_an_endpoint_in_its_zone_calls_it_and_the_bytes_stay_the_same() {
    SimulatedCluster off = cluster(TrafficDistribution.DEFAULT, false);
    SimulatedCluster on = cluster(TrafficDistribution.PREFER_SAME_ZONE, false);
    assertEquals(all(off), all(on));
    // client-a's 800 bytes to c1 stay in zone; client-b's 800 still cross; client-x is unknown
    assertTrue(cross(on) > 0);
    assertEquals(2 * cross(on), cross(off));
    Flow moved = on.flows().get(0);
    assertEquals("zone-a", moved.peer().node().zone());
  }

  @Test
  void two_calls_landing_on_one_endpoint_become_one_flow_with_both_bytes() {
    SimulatedCluster on = cluster(TrafficDistribution.PREFER_SAME_ZONE, false);
    long fromA =
        on.flows().stream()
            .filter(f -> f.opener().name().equals("client-a"))
            .mapToLong(f -> java.util.Arrays.stream(f.request()).sum())
            .sum();
    assertEquals(800, fromA);
    long pairs = on.flows().stream().map(f -> List.of(f.opener(), f.peer())).distinct().count();
    assertEquals(on.flows().size(), pairs, "one flow per pod pair");
  }

  @Test
  void an_endpoint_without_zone_leaves_every_call_where_it_was() {
    SimulatedCluster off = cluster(TrafficDistribution.DEFAULT, true);
    SimulatedCluster on = cluster(TrafficDistribution.PREFER_SAME_ZONE, true);
    assertEquals(cross(off), cross(on));
    assertEquals(off.flows().get(0).peer(), on.flows().get(0).peer());
  }

  @Test
  void the_endpoints_carry_zone_hints_and_the_nodes_their_cpu() throws IOException {
    StringWriter on = new StringWriter();
    cluster(TrafficDistribution.PREFER_SAME_ZONE, true).writeOpenMetrics(on);
    String text = on.toString();
    assertTrue(
        text.contains(
            "kube_endpointslice_endpoints_hints{endpointslice=\"api-uid-a\",namespace=\"ns\","
                + "address=\"10.0.11.2\",for_zone=\"zone-a\""),
        text);
    assertTrue(!text.contains("address=\"10.0.91.2\",for_zone"), "no hint without a zone");
    assertTrue(text.contains("kube_node_status_allocatable{node=\"node-a\",resource=\"cpu\""));
    StringWriter off = new StringWriter();
    cluster(TrafficDistribution.DEFAULT, true).writeOpenMetrics(off);
    assertTrue(!off.toString().contains("kube_endpointslice_endpoints_hints"));
  }

  /**
   * Client in zone a calls api's endpoint in zone c over steps 0..5 (100 bytes each way per step);
   * a second endpoint in zone a is ready over steps [aFrom, aTo]; with {@code zoneless} one more
   * endpoint, on the node without zone, is ready over steps [0, xTo].
   */
  static SimulatedCluster timed(TrafficDistribution d, int aFrom, int aTo, int xTo) {
    ClusterBuilder b =
        SimulatedCluster.builder(
                "tiny", T0, 5, Duration.ofSeconds(60), DataAggregationLevel.LOW, false)
            .ksmInstance("ksm-0");
    b.distribution = d;
    Node a = b.node("node-a", "10.0.1.1", "zone-a");
    Node c = b.node("node-c", "10.0.3.1", "zone-c");
    Node none = b.node("node-x", "10.0.9.1", null);
    Pod ca = b.pod("ns", "client-a", "u-ca", "10.0.11.1", a, "ReplicaSet", "c-h", CLIENT, 0, 5);
    Pod c1 = b.pod("ns", "api-c1", "u-c1", "10.0.31.1", c, "ReplicaSet", "a-h", API, 0, 5);
    Pod a1 = b.pod("ns", "api-a1", "u-a1", "10.0.11.2", a, "ReplicaSet", "a-h", API, aFrom, aTo);
    Service api = b.service("ns", "api", "uid-api-00001", "10.100.0.10");
    b.backend(api, c1).backend(api, a1);
    if (xTo >= 0) {
      b.backend(
          api, b.pod("ns", "api-x", "u-x", "10.0.91.2", none, "ReplicaSet", "a-h", API, 0, xTo));
    }
    long[] bytes = {100, 100, 100, 100, 100, 100};
    b.flow(ca, c1, bytes, bytes, api);
    return b.build();
  }

  /** Bytes of steps [from, to] of the model's flows that reach {@code pod}. */
  static long bytesTo(SimulatedCluster c, String pod) {
    long sum = 0;
    for (Flow f : c.flows()) {
      if (f.peer().name().equals(pod)) {
        sum +=
            java.util.Arrays.stream(f.request()).sum() + java.util.Arrays.stream(f.reply()).sum();
      }
    }
    return sum;
  }

  @Test
  void an_endpoint_without_zone_suspends_the_routing_only_while_it_is_ready() {
    // kube-proxy (pkg/proxy/topology.go, topologyModeFromHints): an unhinted ready endpoint makes
    // the client use every endpoint; once it is gone, the zone's endpoint takes the calls.
    SimulatedCluster on = timed(TrafficDistribution.PREFER_SAME_ZONE, 0, 5, 2);
    assertEquals(3 * 200, bytesTo(on, "api-c1"), "steps 0-2: the zoneless endpoint is ready");
    assertEquals(3 * 200, bytesTo(on, "api-a1"), "steps 3-5: kept in zone a");
    SimulatedCluster off = timed(TrafficDistribution.DEFAULT, 0, 5, 2);
    assertEquals(6 * 200, bytesTo(off, "api-c1"));
    assertEquals(all(off), all(on));
  }

  @Test
  void a_zone_whose_endpoints_leave_mid_window_keeps_its_clients_only_while_they_are_there() {
    SimulatedCluster on = timed(TrafficDistribution.PREFER_SAME_ZONE, 0, 2, -1);
    assertEquals(3 * 200, bytesTo(on, "api-a1"), "steps 0-2: zone a has an endpoint");
    assertEquals(3 * 200, bytesTo(on, "api-c1"), "steps 3-5: none left in zone a");
  }

  @Test
  void an_endpoint_that_joins_mid_window_takes_its_zones_calls_from_then_on() {
    SimulatedCluster on = timed(TrafficDistribution.PREFER_SAME_ZONE, 4, 5, -1);
    assertEquals(2 * 200, bytesTo(on, "api-a1"));
    assertEquals(4 * 200, bytesTo(on, "api-c1"));
    long pairs = on.flows().stream().map(f -> List.of(f.opener(), f.peer())).distinct().count();
    assertEquals(on.flows().size(), pairs, "one flow per pod pair");
  }

  @Test
  void under_prefer_same_node_an_endpoint_on_the_clients_node_takes_its_calls_despite_no_zone() {
    // kube-proxy (pkg/proxy/topology.go): every ready endpoint has a node hint and one is on
    // client-a's node, so the node rule holds although api-x has no zone (the zone rule would not).
    SimulatedCluster on = timed(TrafficDistribution.PREFER_SAME_NODE, 0, 5, 5);
    assertEquals(6 * 200, bytesTo(on, "api-a1"));
    assertEquals(0, bytesTo(on, "api-c1"));
    SimulatedCluster zone = timed(TrafficDistribution.PREFER_SAME_ZONE, 0, 5, 5);
    assertEquals(6 * 200, bytesTo(zone, "api-c1"), "the zone rule is off all window");
  }

  @Test
  void under_prefer_same_node_a_client_whose_node_has_none_falls_back_to_the_zone_rule() {
    // api-a1 is on client-a's node for steps 0-2 only; from step 3 the node rule fails and the
    // zone rule finds no endpoint in zone a (and the zoneless one suspends it until step 3): c1.
    SimulatedCluster on = timed(TrafficDistribution.PREFER_SAME_NODE, 0, 2, 3);
    assertEquals(3 * 200, bytesTo(on, "api-a1"), "steps 0-2: on the client's node");
    assertEquals(3 * 200, bytesTo(on, "api-c1"), "steps 3-5: no endpoint on its node or zone");
    // the same bytes as PreferSameZone's routing of the same endpoints (a1 leaving at step 2)
    assertEquals(all(timed(TrafficDistribution.PREFER_SAME_ZONE, 0, 2, -1)), all(on));
  }

  @Test
  void under_prefer_same_node_a_client_on_a_node_without_zone_stays_on_its_node() {
    // client-x's node has no zone, but api-x is on it: the node rule needs no zone.
    SimulatedCluster on = cluster(TrafficDistribution.PREFER_SAME_NODE, true);
    Flow fromX =
        on.flows().stream().filter(f -> f.opener().name().equals("client-x")).findFirst().get();
    assertEquals("api-x1", fromX.peer().name());
    // client-b (zone b, no endpoint on its node or zone, one endpoint without zone) stays put
    Flow fromB =
        on.flows().stream().filter(f -> f.opener().name().equals("client-b")).findFirst().get();
    assertEquals("api-c1", fromB.peer().name());
  }
}
