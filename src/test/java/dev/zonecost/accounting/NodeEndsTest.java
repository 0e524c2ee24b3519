package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.source.retina.RetinaSeries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ends that are nodes (DESIGN §3, "Ends that are nodes"): an IP that is a node's and not a pod's is
 * that node, with its zone; its bytes are counted once by where the agent saw them — the pod's veth
 * only on one node; across nodes the pod's node twice at {@code low} (host interface and veth), the
 * node end's own agent once (host interface).
 */
class NodeEndsTest {
  private static final String N1_IP = "10.0.1.5";
  private static final String N2_IP = "10.0.2.5";
  private static final String CLIENT = "client-6d4cf56db6-aaaaa";
  private static final String SERVER = "server-7f9c5d8b4-bbbbb";

  private static PodDirectory directory() {
    PodDirectory d = new PodDirectory();
    d.addNode("", "n1", "a");
    d.addNode("", "n2", "b");
    d.addNodeAddress("", N1_IP, "n1");
    d.addNodeAddress("", N2_IP, "n2");
    d.addPod(new PodKey("", "app", CLIENT, "10.0.11.1"), "n1");
    d.addPod(new PodKey("", "app", SERVER, "10.0.21.1"), "n2");
    return d;
  }

  private static void end(Map<String, String> l, String prefix, String pod, String ip) {
    boolean node = pod == null;
    l.put(prefix + "namespace", node ? "unknown" : "app");
    l.put(prefix + "podname", node ? "unknown" : pod);
    l.put(prefix + "ip", ip);
    l.put(prefix + "workload_kind", node ? "unknown" : "ReplicaSet");
    l.put(prefix + "workload_name", node ? "unknown" : pod.substring(0, pod.lastIndexOf('-')));
  }

  /** A Retina series; a null pod is an end Retina cannot name (a node's IP, the outside). */
  static Observation series(
      String dir, String srcPod, String srcIp, String dstPod, String dstIp, String agent, long b) {
    Map<String, String> l = new HashMap<>();
    l.put("direction", dir);
    l.put("instance", agent);
    end(l, "source_", srcPod, srcIp);
    end(l, "destination_", dstPod, dstIp);
    return RetinaSeries.observation(l, b);
  }

  private static TrafficAggregator aggregator(DataAggregationLevel level, NodeTraffic nodes) {
    return new TrafficAggregator(
        directory(),
        new WorkloadResolver(),
        DedupeMode.AUTO,
        level,
        (s, d) -> true,
        GroupBy.WORKLOAD,
        false,
        new Places(nodes, Subnets.NONE));
  }

  private static final WorkloadRef SERVER_REF = new WorkloadRef("app", "Deployment", "server");
  private static final WorkloadRef CLIENT_REF = new WorkloadRef("app", "Deployment", "client");

  private static TrafficRow row(WorkloadRef s, WorkloadRef d, String sz, String dz, long bytes) {
    return new TrafficRow(new TrafficKey(s, d, sz, dz), bytes);
  }

  @Test
  void a_kubelet_probe_of_a_pod_on_its_own_node_is_seen_once_and_not_halved_at_low() {
    TrafficAggregator a = aggregator(DataAggregationLevel.LOW, NodeTraffic.NAME);
    a.add(series("INGRESS", null, N2_IP, SERVER, "10.0.21.1", "n2", 700));
    a.add(series("INGRESS", SERVER, "10.0.21.1", null, N2_IP, "n2", 300));
    assertEquals(
        List.of(
            row(NodeTraffic.node("n2"), SERVER_REF, "b", "b", 700),
            row(SERVER_REF, NodeTraffic.node("n2"), "b", "b", 300)),
        a.result().rows());
    assertEquals(1000, a.result().stats().nodeEndBytes());
  }

  @Test
  void a_host_network_client_on_another_node_is_that_node_with_its_zone_at_low() {
    TrafficAggregator a = aggregator(DataAggregationLevel.LOW, NodeTraffic.NAME);
    // the server's node: host interface and veth (INGRESS twice); the client's node: its host
    // interface only (EGRESS once)
    a.add(series("INGRESS", null, N1_IP, SERVER, "10.0.21.1", "n2", 2 * 5000));
    a.add(series("EGRESS", null, N1_IP, SERVER, "10.0.21.1", "n1", 5000));
    assertEquals(
        List.of(row(NodeTraffic.node("n1"), SERVER_REF, "a", "b", 5000)), a.result().rows());
  }

  @Test
  void at_high_only_the_pods_node_sees_a_node_end() {
    TrafficAggregator a = aggregator(DataAggregationLevel.HIGH, NodeTraffic.NAME);
    a.add(series("INGRESS", null, N1_IP, SERVER, "10.0.21.1", "n2", 5000));
    // a pod calling a host-network server on another node: its own veth, EGRESS once
    a.add(series("EGRESS", CLIENT, "10.0.11.1", null, N2_IP, "n1", 800));
    assertEquals(
        List.of(
            row(NodeTraffic.node("n1"), SERVER_REF, "a", "b", 5000),
            row(CLIENT_REF, NodeTraffic.node("n2"), "a", "b", 800)),
        a.result().rows());
  }

  @Test
  void a_pod_calling_a_host_network_server_on_another_node_at_low() {
    TrafficAggregator a = aggregator(DataAggregationLevel.LOW, NodeTraffic.NAME);
    a.add(series("EGRESS", CLIENT, "10.0.11.1", null, N2_IP, "n1", 2 * 800)); // veth + host
    a.add(series("INGRESS", CLIENT, "10.0.11.1", null, N2_IP, "n2", 800)); // host interface
    assertEquals(
        List.of(row(CLIENT_REF, NodeTraffic.node("n2"), "a", "b", 800)), a.result().rows());
  }

  @Test
  void an_agent_zonecost_cannot_place_is_taken_as_the_pods_node() {
    TrafficAggregator a = aggregator(DataAggregationLevel.LOW, NodeTraffic.NAME);
    a.add(series("INGRESS", null, N1_IP, SERVER, "10.0.21.1", "retina-7xk2p", 2 * 5000));
    assertEquals(
        List.of(row(NodeTraffic.node("n1"), SERVER_REF, "a", "b", 5000)), a.result().rows());
  }

  @Test
  void an_agent_named_by_its_host_address_and_port_is_placed_on_that_node() {
    TrafficAggregator a = aggregator(DataAggregationLevel.LOW, NodeTraffic.NAME);
    a.add(series("EGRESS", null, N1_IP, SERVER, "10.0.21.1", N1_IP + ":10093", 5000));
    assertEquals(
        List.of(row(NodeTraffic.node("n1"), SERVER_REF, "a", "b", 5000)), a.result().rows());
  }

  @Test
  void outside_traffic_that_entered_a_node_counts_once_and_its_masqueraded_copy_not_at_all() {
    TrafficAggregator a = aggregator(DataAggregationLevel.LOW, NodeTraffic.NAME);
    WorkloadRef outside = new WorkloadRef("unknown", "unknown", "unknown");
    a.add(series("INGRESS", null, "203.0.113.9", null, N1_IP, "n1", 900)); // NodePort request
    a.add(series("EGRESS", null, N1_IP, null, "198.51.100.7", "n1", 400)); // masqueraded copy
    assertEquals(
        List.of(row(outside, NodeTraffic.node("n1"), "unknown", "a", 900)), a.result().rows());
    assertEquals(400, a.result().stats().provenance().masqueradedLeftOut());
  }

  @Test
  void node_traffic_unknown_keeps_the_old_row_keys_with_the_corrected_bytes() {
    TrafficAggregator a = aggregator(DataAggregationLevel.LOW, NodeTraffic.UNKNOWN);
    a.add(series("INGRESS", null, N2_IP, SERVER, "10.0.21.1", "n2", 700));
    WorkloadRef unknown = new WorkloadRef("unknown", "unknown", "unknown");
    assertEquals(List.of(row(unknown, SERVER_REF, "unknown", "b", 700)), a.result().rows());
  }

  @Test
  void group_by_namespace_books_nodes_to_the_node_namespace() {
    TrafficAggregator a =
        new TrafficAggregator(
            directory(),
            new WorkloadResolver(),
            DedupeMode.AUTO,
            DataAggregationLevel.LOW,
            (s, d) -> true,
            GroupBy.NAMESPACE,
            false,
            new Places(NodeTraffic.NAME, Subnets.NONE));
    a.add(series("INGRESS", null, N2_IP, SERVER, "10.0.21.1", "n2", 700));
    assertEquals(
        List.of(
            row(new WorkloadRef("(node)", "", ""), new WorkloadRef("app", "", ""), "b", "b", 700)),
        a.result().rows());
  }
}
