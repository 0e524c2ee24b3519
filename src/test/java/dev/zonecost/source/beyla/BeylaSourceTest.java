package dev.zonecost.source.beyla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.Observation;
import dev.zonecost.accounting.PodDirectory;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.WorkloadResolver;
import dev.zonecost.accounting.Zones;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Beyla / OBI's copy rules, one per test (REFERENCE.md "Other byte sources"). */
class BeylaSourceTest {
  private static final BeylaSource BEYLA = new BeylaSource();
  private static final String NODE_A = "10.0.1.10";
  private static final String NODE_B = "10.0.2.10";

  /** A client → server flow's request bytes, as the agent at {@code agentIp} exports them. */
  private static Map<String, String> flow(String agentIp, String srcNode, String dstNode) {
    Map<String, String> l = new HashMap<>();
    l.put("direction", "request");
    l.put("k8s_src_owner_name", "client");
    l.put("k8s_src_owner_type", "Deployment");
    l.put("k8s_src_namespace", "app");
    l.put("k8s_dst_owner_name", "server");
    l.put("k8s_dst_owner_type", "Deployment");
    l.put("k8s_dst_namespace", "app");
    l.put("src_zone", "us-east-1a");
    l.put("dst_zone", "us-east-1b");
    put(l, "beyla_ip", agentIp);
    put(l, "k8s_src_node_ip", srcNode);
    put(l, "k8s_dst_node_ip", dstNode);
    l.put("instance", "beyla-" + agentIp);
    return l;
  }

  private static void put(Map<String, String> l, String k, String v) {
    if (v != null) {
      l.put(k, v);
    }
  }

  private static Observation read(Map<String, String> labels, double bytes) {
    return BEYLA.observation(BeylaSource.ROLE, labels, "cluster", bytes);
  }

  @Test
  void keeps_the_senders_agents_copy_of_a_flow_between_nodes() {
    Observation kept = read(flow(NODE_A, NODE_A, NODE_B), 1000);
    assertEquals(1000, kept.bytes());
    assertNull(read(flow(NODE_B, NODE_A, NODE_B), 1000), "the receiver's agent's copy");
  }

  @Test
  void keeps_the_receivers_copy_when_the_sender_is_outside_the_cluster() {
    Map<String, String> in = flow(NODE_B, null, NODE_B);
    in.remove("k8s_src_owner_name");
    in.remove("k8s_src_owner_type");
    in.remove("k8s_src_namespace");
    in.remove("src_zone");
    Observation o = read(in, 700);
    assertEquals(700, o.bytes());
    assertEquals("", o.source().workloadName());
  }

  @Test
  void without_the_agents_ip_halves_each_copy_of_a_flow_between_nodes() {
    assertEquals(500, read(flow(null, NODE_A, NODE_B), 1000).bytes());
    assertEquals(500, read(flow(null, null, null), 1000).bytes(), "no node IPs either");
  }

  @Test
  void without_the_agents_ip_counts_a_flow_on_one_node_once() {
    assertEquals(1000, read(flow(null, NODE_A, NODE_A), 1000).bytes());
  }

  @Test
  void without_the_agents_ip_counts_traffic_to_the_outside_once() {
    Map<String, String> out = flow(null, NODE_A, null);
    out.remove("k8s_dst_owner_name");
    out.remove("k8s_dst_owner_type");
    out.remove("k8s_dst_namespace");
    assertEquals(1000, read(out, 1000).bytes());
  }

  @Test
  void leaves_out_the_copy_addressed_to_a_service_in_promql_and_in_java() {
    List<String> m = BEYLA.matchers(null, Selection.ALL, "cluster");
    assertTrue(m.contains("k8s_src_owner_type!=\"Service\""), m.toString());
    assertTrue(m.contains("k8s_dst_owner_type!=\"Service\""), m.toString());
    Map<String, String> toService = flow(NODE_A, NODE_A, null);
    toService.put("k8s_dst_owner_type", "Service");
    assertNull(read(toService, 1000));
  }

  @Test
  void selection_uses_beylas_namespace_labels() {
    Selection sel = new Selection("app", null, null, null, null, "kube-system", null, null, "c1");
    List<String> m = BEYLA.matchers(null, sel, "cluster");
    assertTrue(m.contains("k8s_src_namespace=~\"app\""), m.toString());
    assertTrue(m.contains("k8s_dst_namespace!~\"kube-system\""), m.toString());
    assertTrue(m.contains("cluster=\"c1\""), m.toString());
  }

  @Test
  void owners_are_workloads_and_zones_come_from_the_labels() {
    Observation o = read(flow(NODE_A, NODE_A, NODE_B), 1000);
    assertEquals("Deployment", o.source().workloadKind());
    assertEquals("client", o.source().workloadName());
    assertEquals("", o.source().pod().pod(), "no pod: the series names a workload");
    assertEquals("us-east-1a", o.source().nativeZone());
    assertEquals("us-east-1b", o.destination().nativeZone());
  }

  @Test
  void names_the_pod_where_k8s_src_name_is_selected() {
    Map<String, String> l = flow(NODE_A, NODE_A, NODE_B);
    l.put("k8s_src_name", "client-6d4cf56db6-aaaaa");
    l.put("k8s_src_type", "Pod");
    l.put("src_address", "10.0.1.99");
    Observation o = read(l, 1);
    assertEquals("client-6d4cf56db6-aaaaa", o.source().pod().pod());
    assertEquals("10.0.1.99", o.source().pod().ip());
  }

  @Test
  void workload_series_roll_up_to_one_row_and_a_missing_zone_stays_unknown() {
    TrafficAggregator a =
        new TrafficAggregator(
            new PodDirectory(), new WorkloadResolver(), DedupeMode.NONE, DataAggregationLevel.LOW);
    a.add(read(flow(NODE_A, NODE_A, NODE_B), 1000));
    Map<String, String> other = flow("10.0.1.11", "10.0.1.11", NODE_B);
    a.add(read(other, 500));
    Map<String, String> noZone = flow(NODE_A, NODE_A, NODE_B);
    noZone.remove("dst_zone");
    a.add(read(noZone, 30));
    List<TrafficRow> rows = a.result().rows();
    WorkloadRef client = new WorkloadRef("app", "Deployment", "client");
    WorkloadRef server = new WorkloadRef("app", "Deployment", "server");
    assertEquals(
        List.of(
            new TrafficRow(new TrafficKey(client, server, "us-east-1a", "us-east-1b"), 1500),
            new TrafficRow(new TrafficKey(client, server, "us-east-1a", Zones.UNKNOWN), 30)),
        rows);
  }

  /**
   * Issue 29 row 3: an agent whose beyla_ip is no node's IP (another interface picked) — the flows
   * its node sent have no copy kept; the source names it.
   */
  @Test
  void names_the_agents_whose_ip_is_no_nodes_ip() {
    String stray = "192.168.9.9"; // node B's agent, reporting another interface's IP
    List<Map<String, String>> series =
        List.of(
            flow(NODE_A, NODE_A, NODE_B),
            flow(stray, NODE_A, NODE_B),
            flow(NODE_A, NODE_B, NODE_A),
            flow(stray, NODE_B, NODE_A));
    assertNull(read(flow(stray, NODE_B, NODE_A), 1000), "B's flow: the stray copy left out");
    assertNull(read(flow(NODE_A, NODE_B, NODE_A), 1000), "and A's copy too: its bytes are lost");
    List<String> notes = BEYLA.copyNotes(series);
    assertEquals(1, notes.size(), notes.toString());
    String note = notes.get(0);
    assertTrue(note.startsWith("set-up: source beyla: 1 of 2 agents"), note);
    assertTrue(note.contains("beyla_ip=\"192.168.9.9\" (instance beyla-192.168.9.9)"), note);
    assertTrue(!note.contains("beyla_ip=\"" + NODE_A), note);
    assertTrue(note.contains("network.agent_ip"), note);

    assertEquals(
        List.of(),
        BEYLA.copyNotes(List.of(flow(NODE_A, NODE_A, NODE_B), flow(NODE_B, NODE_A, NODE_B))),
        "every agent a node");
    assertEquals(
        List.of(),
        BEYLA.copyNotes(List.of(flow(null, NODE_A, NODE_B), flow(null, NODE_A, NODE_B))),
        "no agent IP: copies halved, no rule by agent");
  }
}
