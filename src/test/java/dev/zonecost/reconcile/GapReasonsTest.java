package dev.zonecost.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.reconcile.GapReasons.NicBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code reconcile} says about the bytes no series explains (issue 28, item 5). */
class GapReasonsTest {
  private static final String V4 = "10.0.1.81";

  @Test
  void names_the_nodes_host_network_pods() {
    List<String> r =
        GapReasons.forNode(
            List.of("kube-system/node-agent-rzmt4", "kube-system/etcd-a"), 0, V4, null);
    assertEquals(1, r.size(), r.toString());
    assertTrue(r.get(0).startsWith("2 host-network pods on the node ("), r.get(0));
    assertTrue(r.get(0).contains("kube-system/node-agent-rzmt4, kube-system/etcd-a"), r.get(0));
  }

  @Test
  void more_than_three_host_network_pods_are_counted_not_dropped() {
    List<String> pods = List.of("ns/a", "ns/b", "ns/c", "ns/d", "ns/e");
    String r = GapReasons.forNode(pods, 0, V4, null).get(0);
    assertTrue(r.startsWith("5 host-network pods on the node (ns/a, ns/b, ns/c and 2 more)"), r);
  }

  @Test
  void each_node_gets_its_own_host_network_pods() {
    Map<String, List<String>> byNode =
        Map.of("node-a", List.of("kube-system/agent-a"), "node-b", List.of("kube-system/agent-b"));
    String a = GapReasons.forNode(GapReasons.hostNetwork(byNode, "node-a"), 0, V4, null).get(0);
    assertTrue(a.contains("agent-a") && !a.contains("agent-b"), a);
    List<String> c = GapReasons.forNode(GapReasons.hostNetwork(byNode, "node-c"), 0, V4, null);
    assertFalse(c.toString().contains("host-network pod"), c.toString());
  }

  @Test
  void outside_traffic_may_have_crossed() {
    List<String> r = GapReasons.forNode(List.of(), 1234, V4, null);
    assertEquals(1, r.size(), r.toString());
    assertTrue(r.get(0).startsWith("outside traffic (1234 bytes)"), r.get(0));
    assertTrue(r.get(0).contains("--subnets"), r.get(0));
  }

  @Test
  void an_ipv6_node_is_named() {
    List<String> r = GapReasons.forNode(List.of(), 0, "fd00::12", null);
    assertEquals(List.of("the node has an IPv6 address: Retina counts IPv4 only"), r);
  }

  @Test
  void the_nic_counters_give_the_nodes_total_as_an_upper_bound_only() {
    List<String> r =
        GapReasons.forNode(List.of(), 0, V4, new NicBytes("node-exporter", 5_000_000, 7_000));
    assertEquals(1, r.size(), r.toString());
    assertTrue(
        r.get(0).startsWith("the node sent 5000000 bytes and received 7000 bytes in total"),
        r.get(0));
    assertTrue(r.get(0).contains("(node-exporter)"), r.get(0));
    assertTrue(r.get(0).contains("upper bound"), r.get(0));
    assertFalse(GapReasons.forNode(List.of(), 0, V4, null).toString().contains("in total"));
  }

  @Test
  void with_nothing_known_it_says_no_series_shows_it_and_gives_no_number() {
    List<String> r = GapReasons.forNode(List.of(), 0, V4, null);
    assertEquals(1, r.size(), r.toString());
    assertTrue(r.get(0).startsWith("no series shows it"), r.get(0));
    assertFalse(r.get(0).replace("IPv6", "").matches(".*\\d.*"), r.get(0));
  }

  @Test
  void reasons_come_in_one_order() {
    List<String> r =
        GapReasons.forNode(List.of("ns/p"), 10, "fd00::1", new NicBytes("cAdvisor", 1, 2));
    assertEquals(4, r.size(), r.toString());
    assertTrue(r.get(0).contains("host-network"), r.toString());
    assertTrue(r.get(1).startsWith("outside"), r.toString());
    assertTrue(r.get(2).contains("IPv6"), r.toString());
    assertTrue(r.get(3).contains("(cAdvisor)"), r.toString());
  }

  @Test
  void resources_that_are_not_nodes() {
    assertTrue(GapReasons.forOther(ResourceKind.INSTANCE).get(0).contains("not a node"));
    assertTrue(GapReasons.forOther(ResourceKind.NAT_GATEWAY).get(0).contains("NAT gateway"));
    assertTrue(GapReasons.forOther(ResourceKind.OTHER).get(0).contains("not a node"));
  }
}
