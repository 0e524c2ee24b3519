package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oracle against bytes computed by hand on a cluster small enough to reason about. */
class SimulatedClusterTest {

  private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");
  private static final WorkloadRef FRONT = new WorkloadRef("ns", "Deployment", "front");
  private static final WorkloadRef BACK = new WorkloadRef("ns", "Deployment", "back");
  private static final WorkloadRef LATE = new WorkloadRef("ns", "Deployment", "late");

  /**
   * Steps 0..5, one minute apart. front (node a, zone-a) opens to back (node b, zone-b) over the
   * whole span, and to late (node a too) from step 2. Agent a restarts at step 3, agent b at step 1
   * (which must not matter: the answer reads the opener's side).
   */
  private static SimulatedCluster tiny(DataAggregationLevel level) {
    ClusterBuilder b =
        SimulatedCluster.builder("tiny", T0, 5, Duration.ofSeconds(60), level, false)
            .ksmInstance("ksm-0");
    Node a = b.node("node-a", "10.0.1.1", "zone-a");
    Node c = b.node("node-b", "10.0.2.1", "zone-b");
    Pod front = b.pod("ns", "front-x", "u1", "10.0.11.1", a, "ReplicaSet", "front-h", FRONT, 0, 5);
    Pod back = b.pod("ns", "back-x", "u2", "10.0.21.1", c, "ReplicaSet", "back-h", BACK, 0, 5);
    Pod late = b.pod("ns", "late-x", "u3", "10.0.11.2", a, "ReplicaSet", "late-h", LATE, 2, 5);
    b.flow(front, back, new long[] {10, 20, 30, 40, 50, 60}, new long[] {1, 2, 3, 4, 5, 6});
    b.flow(front, late, new long[] {5, 5, 5, 5}, new long[] {0, 0, 0, 0});
    b.restart(a, 3).restart(c, 1);
    return b.build();
  }

  private static Instant step(double k) {
    return T0.plusMillis(Math.round(k * 60_000));
  }

  private static Map<TrafficKey, Long> byKey(List<TrafficRow> rows) {
    return rows.stream()
        .collect(java.util.stream.Collectors.toMap(TrafficRow::key, TrafficRow::bytes));
  }

  @Test
  void should_match_hand_computed_bytes_over_the_whole_span() {
    // Agent a counts front→back 10, 30, 60, then resets at step 3 with half of 40: 20, 70, 130.
    // The window starts at agent a's first scrape, so nothing tells that front→back began inside
    // it: 10 is a baseline (DESIGN §3, unknowable). Window bytes: 20 + 30 + 20 (reset) + 50 + 60 =
    // 180; the 20 lost at the restart are not in the data. Replies: 1, 3, 6, 2, 7, 13 → 2 + 3 + 2 +
    // 5 + 6 = 18. front→late appears at step 2, after agent a's first scrape: born, from zero:
    // 5, then reset 2, 7, 12 → 5 + 2 + 5 + 5 = 17; its replies are 0.
    SimulatedCluster c = tiny(DataAggregationLevel.LOW);
    assertEquals(
        List.of(
            new TrafficRow(new TrafficKey(FRONT, BACK, "zone-a", "zone-b"), 180),
            new TrafficRow(new TrafficKey(BACK, FRONT, "zone-b", "zone-a"), 18),
            new TrafficRow(new TrafficKey(FRONT, LATE, "zone-a", "zone-a"), 17)),
        c.answer().expected(c.start(), c.end(), SimulatedCluster.LOOK_BEHIND, DedupeMode.EGRESS));
  }

  @Test
  void should_not_count_bytes_before_a_window_that_starts_mid_span() {
    SimulatedCluster c = tiny(DataAggregationLevel.HIGH);
    // [2, 5]: step 1 lies in the lookback, so step 2's value is not added: 20 + 50 + 60 = 130,
    // replies 2 + 5 + 6 = 13; front→late began at step 2 itself, exactly the window's start, so
    // its first value (5) was sent before the window and is a baseline: 2 + 5 + 5 = 12.
    Map<TrafficKey, Long> from2 =
        byKey(
            c.answer().expected(step(2), step(5), SimulatedCluster.LOOK_BEHIND, DedupeMode.EGRESS));
    assertEquals(130L, from2.get(new TrafficKey(FRONT, BACK, "zone-a", "zone-b")));
    assertEquals(13L, from2.get(new TrafficKey(BACK, FRONT, "zone-b", "zone-a")));
    assertEquals(12L, from2.get(new TrafficKey(FRONT, LATE, "zone-a", "zone-a")));
    // [2.5, 4]: only samples 3 and 4 are inside; 3's predecessor is in the lookback: 70 - 20.
    Map<TrafficKey, Long> mid =
        byKey(
            c.answer()
                .expected(step(2.5), step(4), SimulatedCluster.LOOK_BEHIND, DedupeMode.EGRESS));
    assertEquals(50L, mid.get(new TrafficKey(FRONT, BACK, "zone-a", "zone-b")));
    assertEquals(5L, mid.get(new TrafficKey(FRONT, LATE, "zone-a", "zone-a")));
    // A window between two samples holds no bytes at all.
    assertEquals(
        List.of(),
        c.answer().expected(step(4.2), step(4.8), SimulatedCluster.LOOK_BEHIND, DedupeMode.EGRESS));
  }

  @Test
  void should_write_series_as_the_observation_table_says() throws IOException {
    for (DataAggregationLevel level : DataAggregationLevel.values()) {
      StringWriter w = new StringWriter();
      tiny(level).writeOpenMetrics(w);
      OpenMetricsText om = OpenMetricsText.parse(w.toString());
      List<OpenMetricsText.Series> retina = om.family(SimulatedCluster.RETINA_FORWARD_BYTES);
      // front↔back: 2 EGRESS on node-a + 2 INGRESS on node-b; front↔late: 2 EGRESS only.
      assertEquals(6, retina.size(), level.label());
      long m = level == DataAggregationLevel.LOW ? 2 : 1;
      OpenMetricsText.Series egress = find(retina, "EGRESS", "front-x", "back-x");
      assertEquals("node-a", egress.label("instance"));
      assertEquals(
          List.of(10 * m, 30 * m, 60 * m, 20 * m, 70 * m, 130 * m),
          egress.samples().stream().map(OpenMetricsText.Sample::value).toList());
      // Agent b restarted at step 1 with half of 20: 10, then 40, 80, 130, 190.
      OpenMetricsText.Series ingress = find(retina, "INGRESS", "front-x", "back-x");
      assertEquals("node-b", ingress.label("instance"));
      assertEquals(
          List.of(10 * m, 10 * m, 40 * m, 80 * m, 130 * m, 190 * m),
          ingress.samples().stream().map(OpenMetricsText.Sample::value).toList());
      // Same node: twice per byte at either level, from step 2.
      OpenMetricsText.Series sameNode = find(retina, "EGRESS", "front-x", "late-x");
      assertEquals(T0.getEpochSecond() + 120, sameNode.samples().get(0).timestamp());
      assertEquals(
          List.of(10L, 4L, 14L, 24L),
          sameNode.samples().stream().map(OpenMetricsText.Sample::value).toList());
    }
  }

  /**
   * A client on node a calls the Service {@code back} (ClusterIP 10.100.0.1) whose one backend runs
   * on node b; it also calls an address outside the cluster. DESIGN §3's table, per level.
   */
  private static SimulatedCluster throughService(DataAggregationLevel level) {
    ClusterBuilder b =
        SimulatedCluster.builder("svc", T0, 3, Duration.ofSeconds(60), level, false)
            .ksmInstance("ksm-0");
    Node a = b.node("node-a", "10.0.1.1", "zone-a");
    Node c = b.node("node-b", "10.0.2.1", "zone-b");
    Pod front = b.pod("ns", "front-x", "u1", "10.0.11.1", a, "ReplicaSet", "front-h", FRONT, 0, 3);
    Pod back = b.pod("ns", "back-x", "u2", "10.0.21.1", c, "ReplicaSet", "back-h", BACK, 0, 3);
    var svc = b.service("ns", "back", "uid-back-0001", "10.100.0.1");
    b.backend(svc, back);
    b.flow(front, back, new long[] {10, 20, 30, 40}, new long[] {1, 2, 3, 4}, svc);
    b.flow(front, b.external("203.0.113.10"), new long[] {5, 5, 5, 5}, new long[] {7, 7, 7, 7});
    return b.build();
  }

  private static List<Long> values(OpenMetricsText.Series s) {
    return s.samples().stream().map(OpenMetricsText.Sample::value).toList();
  }

  private static OpenMetricsText.Series byIp(
      List<OpenMetricsText.Series> retina, String direction, String srcIp, String dstIp) {
    return retina.stream()
        .filter(s -> s.label("direction").equals(direction))
        .filter(s -> s.label("source_ip").equals(srcIp))
        .filter(s -> s.label("destination_ip").equals(dstIp))
        .findFirst()
        .orElse(null);
  }

  @Test
  void should_emit_service_and_outside_traffic_where_retina_sees_it() throws Exception {
    for (DataAggregationLevel level : DataAggregationLevel.values()) {
      boolean low = level == DataAggregationLevel.LOW;
      StringWriter w = new StringWriter();
      throughService(level).writeOpenMetrics(w);
      List<OpenMetricsText.Series> retina =
          OpenMetricsText.parse(w.toString()).family(SimulatedCluster.RETINA_FORWARD_BYTES);
      // The client's veth, before DNAT: the ClusterIP, once, on the client's node.
      OpenMetricsText.Series toVip = byIp(retina, "EGRESS", "10.0.11.1", "10.100.0.1");
      assertEquals("node-a", toVip.label("instance"));
      assertEquals("unknown", toVip.label("destination_podname"));
      assertEquals(List.of(10L, 30L, 60L, 100L), values(toVip));
      // Leaving node a after DNAT: only the host interface (low) sees the pod pair as EGRESS.
      OpenMetricsText.Series hostOut = byIp(retina, "EGRESS", "10.0.11.1", "10.0.21.1");
      assertEquals(low, hostOut != null, level.label());
      // Node b: host interface and the backend's veth (low), the veth alone (high), INGRESS.
      OpenMetricsText.Series in = byIp(retina, "INGRESS", "10.0.11.1", "10.0.21.1");
      assertEquals("node-b", in.label("instance"));
      long m = low ? 2 : 1;
      assertEquals(List.of(10 * m, 30 * m, 60 * m, 100 * m), values(in));
      // Outside: the veth once; at low the host interface again, masqueraded to the node's IP.
      assertEquals(
          List.of(5L, 10L, 15L, 20L), values(byIp(retina, "EGRESS", "10.0.11.1", "203.0.113.10")));
      assertEquals(low, byIp(retina, "EGRESS", "10.0.1.1", "203.0.113.10") != null, level.label());
      // The backend's node never sees the ClusterIP: DNAT happened on the client's node.
      assertTrue(
          retina.stream()
              .filter(s -> s.label("instance").equals("node-b"))
              .noneMatch(s -> s.labels().containsValue("10.100.0.1")));
    }
  }

  @Test
  void should_answer_for_the_true_pair_once_per_byte_under_auto() {
    SimulatedCluster c = throughService(DataAggregationLevel.LOW);
    // Window [0, 3] starts at the first scrape: the first values are baselines. Request bytes
    // 20 + 30 + 40, replies 2 + 3 + 4, outside 5 + 5 + 5 and 7 + 7 + 7.
    WorkloadRef outside = SimulatedCluster.EXTERNAL_WORKLOAD;
    assertEquals(
        Map.of(
            new TrafficKey(FRONT, BACK, "zone-a", "zone-b"), 90L,
            new TrafficKey(BACK, FRONT, "zone-b", "zone-a"), 9L,
            new TrafficKey(FRONT, outside, "zone-a", "unknown"), 15L,
            new TrafficKey(outside, FRONT, "unknown", "zone-a"), 21L),
        byKey(c.answer().expected()));
  }

  @Test
  void should_escape_label_values() {
    StringBuilder sb = new StringBuilder();
    OpenMetricsWriter.escapeLabelValue(sb, "a\\b\"c\nd");
    assertEquals("a\\\\b\\\"c\\nd", sb.toString());
  }

  private static OpenMetricsText.Series find(
      List<OpenMetricsText.Series> retina, String direction, String src, String dst) {
    return retina.stream()
        .filter(s -> s.label("direction").equals(direction))
        .filter(s -> s.label("source_podname").equals(src))
        .filter(s -> s.label("destination_podname").equals(dst))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void should_refuse_a_cluster_whose_clusterip_is_a_pods_address() {
    ClusterBuilder b =
        SimulatedCluster.builder(
                "tiny", T0, 5, Duration.ofSeconds(60), DataAggregationLevel.LOW, false)
            .ksmInstance("ksm-0");
    Node a = b.node("node-a", "10.0.1.1", "zone-a");
    b.pod("ns", "front-x", "u1", "10.0.11.1", a, "ReplicaSet", "front-h", FRONT, 0, 5);
    b.service("ns", "back", "u9", "10.0.11.1");
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, b::build);
    assertTrue(e.getMessage().contains("ClusterIP 10.0.11.1 of back"), e.getMessage());
  }

  @Test
  void every_scenario_keeps_its_clusterips_apart_from_pods_and_nodes() {
    // The large scenario once drew ClusterIPs from its first zone's pod range: the report then
    // rightly left those pods' series out as Service series, and the model disagreed with it.
    for (String scenario : SimulationSpec.ALL_SCENARIOS) {
      SimulatedCluster c =
          Simulator.generate(
              SimulationSpec.builder(scenario, T0.plus(Duration.ofHours(2)))
                  .hours(scenario.equals(SimulationSpec.LARGE) ? 1 : 2)
                  .seed(42)
                  .build());
      assertTrue(c.seriesCount() > 0, scenario);
    }
  }
}
