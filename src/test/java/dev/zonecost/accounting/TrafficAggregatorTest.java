package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.source.retina.RetinaSeries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficAggregatorTest {
  private static PodDirectory directory() {
    PodDirectory d = new PodDirectory();
    d.addNode("", "n1", "a");
    d.addNode("", "n2", "b");
    d.addPod(new PodKey("", "app", "client-6d4cf56db6-aaaaa", "10.0.0.1"), "n1");
    d.addPod(new PodKey("", "app", "server-7f9c5d8b4-bbbbb", "10.0.0.2"), "n2");
    d.addPod(new PodKey("", "app", "server-7f9c5d8b4-ccccc", "10.0.0.3"), "n1");
    return d;
  }

  private static Map<String, String> series(
      String dir, String srcPod, String srcIp, String dstPod, String dstIp) {
    Map<String, String> l = new HashMap<>();
    l.put("direction", dir);
    l.put("source_namespace", "app");
    l.put("source_podname", srcPod);
    l.put("source_ip", srcIp);
    l.put("source_workload_kind", "ReplicaSet");
    l.put("source_workload_name", srcPod.substring(0, srcPod.lastIndexOf('-')));
    l.put("destination_namespace", "app");
    l.put("destination_podname", dstPod);
    l.put("destination_ip", dstIp);
    l.put("destination_workload_kind", "ReplicaSet");
    l.put("destination_workload_name", dstPod.substring(0, dstPod.lastIndexOf('-')));
    return l;
  }

  private static final String CLIENT = "client-6d4cf56db6-aaaaa";
  private static final String SERVER_B = "server-7f9c5d8b4-bbbbb";
  private static final String SERVER_A = "server-7f9c5d8b4-ccccc";

  private static TrafficAggregator aggregator(DedupeMode mode, DataAggregationLevel level) {
    return new TrafficAggregator(directory(), new WorkloadResolver(), mode, level);
  }

  private static TrafficKey key(String srcZone, String dstZone) {
    return new TrafficKey(
        new WorkloadRef("app", "Deployment", "client"),
        new WorkloadRef("app", "Deployment", "server"),
        srcZone,
        dstZone);
  }

  @Test
  void should_keep_egress_and_halve_it_at_level_low() {
    TrafficAggregator a = aggregator(DedupeMode.EGRESS, DataAggregationLevel.LOW);
    a.add(
        RetinaSeries.observation(series("EGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 2000));
    a.add(
        RetinaSeries.observation(
            series("INGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 2000));
    assertEquals(List.of(new TrafficRow(key("a", "b"), 1000)), a.result().rows());
  }

  @Test
  void should_halve_only_same_node_pairs_at_level_high() {
    TrafficAggregator a = aggregator(DedupeMode.EGRESS, DataAggregationLevel.HIGH);
    a.add(
        RetinaSeries.observation(
            series("EGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 1000)); // n1 -> n2
    a.add(
        RetinaSeries.observation(
            series("egress", CLIENT, "10.0.0.1", SERVER_A, "10.0.0.3"), 600)); // both on n1
    assertEquals(
        List.of(new TrafficRow(key("a", "b"), 1000), new TrafficRow(key("a", "a"), 300)),
        a.result().rows());
  }

  @Test
  void should_round_each_row_half_up_once_after_summing_half_bytes() {
    TrafficAggregator a = aggregator(DedupeMode.EGRESS, DataAggregationLevel.LOW);
    // Two pod pairs in one row: 3/2 + 5/2 = 4 exactly, not round(1.5)+round(2.5) = 5.
    a.add(RetinaSeries.observation(series("EGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 3));
    a.add(
        RetinaSeries.observation(
            series("EGRESS", "client-6d4cf56db6-zzzzz", "10.0.0.9", SERVER_B, "10.0.0.2"), 5));
    TrafficAggregator.Result r = a.result();
    // the second client pod is unknown to kube-state-metrics: its own unknown-zone row, 5/2 -> 3
    assertEquals(2, r.rows().size());
    assertEquals(new TrafficRow(key(Zones.UNKNOWN, "b"), 3), r.rows().get(0));
    assertEquals(new TrafficRow(key("a", "b"), 2), r.rows().get(1));
  }

  @Test
  void should_take_the_larger_direction_per_pod_pair_in_max_mode() {
    TrafficAggregator a = aggregator(DedupeMode.MAX, DataAggregationLevel.LOW);
    a.add(
        RetinaSeries.observation(series("EGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 1000));
    a.add(
        RetinaSeries.observation(
            series("INGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 1400));
    assertEquals(List.of(new TrafficRow(key("a", "b"), 700)), a.result().rows());
  }

  @Test
  void should_add_every_observation_in_mode_none() {
    TrafficAggregator a = aggregator(DedupeMode.NONE, DataAggregationLevel.LOW);
    a.add(
        RetinaSeries.observation(series("EGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 1000));
    a.add(
        RetinaSeries.observation(
            series("INGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 1000));
    assertEquals(List.of(new TrafficRow(key("a", "b"), 2000)), a.result().rows());
  }

  @Test
  void should_prefer_retinas_own_zone_labels_unless_they_say_unknown() {
    TrafficAggregator a = aggregator(DedupeMode.EGRESS, DataAggregationLevel.LOW);
    Map<String, String> l = series("EGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2");
    l.put("source_zone", "c");
    l.put("destination_zone", "unknown");
    a.add(RetinaSeries.observation(l, 100));
    TrafficAggregator.Result r = a.result();
    assertEquals(List.of(new TrafficRow(key("c", "b"), 50)), r.rows());
    assertEquals(1, r.stats().endpointsZonedByRetina());
    assertEquals(1, r.stats().endpointsZonedByKubeStateMetrics());
  }

  @Test
  void should_split_rows_by_cluster_only_when_asked() {
    PodDirectory d = new PodDirectory();
    d.addNode("eu", "n1", "a");
    d.addNode("us", "n1", "b");
    d.addPod(new PodKey("eu", "app", CLIENT, "10.0.0.1"), "n1");
    d.addPod(new PodKey("eu", "app", SERVER_B, "10.0.0.2"), "n1");
    d.addPod(new PodKey("us", "app", CLIENT, "10.0.0.1"), "n1");
    d.addPod(new PodKey("us", "app", SERVER_B, "10.0.0.2"), "n1");
    Map<String, String> eu = series("EGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2");
    eu.put("cluster", "eu");
    Map<String, String> us = new HashMap<>(eu);
    us.put("cluster", "us");
    TrafficAggregator split =
        new TrafficAggregator(
            d,
            new WorkloadResolver(),
            DedupeMode.EGRESS,
            DataAggregationLevel.LOW,
            (a, b) -> true,
            GroupBy.WORKLOAD,
            true,
            new Places(NodeTraffic.NAME, Subnets.NONE));
    split.add(RetinaSeries.observation(eu, 100));
    split.add(RetinaSeries.observation(us, 300));
    List<TrafficRow> rows = split.result().rows();
    assertEquals(2, rows.size());
    assertEquals("us", rows.get(0).key().source().cluster());
    assertEquals("b", rows.get(0).key().sourceZone(), "each cluster's own node of the same name");
    assertEquals(150, rows.get(0).bytes());

    TrafficAggregator together =
        new TrafficAggregator(
            d, new WorkloadResolver(), DedupeMode.EGRESS, DataAggregationLevel.LOW);
    together.add(RetinaSeries.observation(eu, 100));
    together.add(RetinaSeries.observation(us, 300));
    assertEquals(2, together.result().rows().size(), "zones still differ, clusters are not shown");
    assertEquals("", together.result().rows().get(0).key().source().cluster());
  }

  /**
   * Service traffic between pods on one node at {@code low}: DNAT hides the client's veth pass, so
   * the server's veth alone reports it, once, as INGRESS (DESIGN §3). {@code --dedupe ingress}
   * counted it as two observations and halved it; {@code auto} never did.
   */
  @Test
  void ingress_mode_counts_same_node_service_traffic_once_at_level_low() {
    for (DedupeMode mode : List.of(DedupeMode.INGRESS, DedupeMode.AUTO, DedupeMode.MAX)) {
      TrafficAggregator a = aggregator(mode, DataAggregationLevel.LOW);
      a.add(
          RetinaSeries.observation(
              series("INGRESS", CLIENT, "10.0.0.1", SERVER_A, "10.0.0.3"), 700)); // both on n1
      a.add(
          RetinaSeries.observation(
              series("INGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 2000)); // n1 -> n2
      assertEquals(
          List.of(new TrafficRow(key("a", "b"), 1000), new TrafficRow(key("a", "a"), 700)),
          a.result().rows(),
          mode.label());
    }
  }

  /**
   * Series with Retina's {@code TRAFFIC_DIRECTION_UNKNOWN}: no dedupe rule can count them once, so
   * they are left out of the rows and their bytes named (the report's note); {@code none} adds them
   * as it adds everything.
   */
  @Test
  void unknown_direction_series_are_named_not_counted_except_by_none() {
    TrafficAggregator a = aggregator(DedupeMode.AUTO, DataAggregationLevel.LOW);
    a.add(
        RetinaSeries.observation(series("EGRESS", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 2000));
    a.add(
        RetinaSeries.observation(
            series("TRAFFIC_DIRECTION_UNKNOWN", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 640));
    assertEquals(List.of(new TrafficRow(key("a", "b"), 1000)), a.result().rows());
    assertEquals(640, a.result().stats().unknownDirectionBytes());

    TrafficAggregator none = aggregator(DedupeMode.NONE, DataAggregationLevel.LOW);
    none.add(
        RetinaSeries.observation(
            series("TRAFFIC_DIRECTION_UNKNOWN", CLIENT, "10.0.0.1", SERVER_B, "10.0.0.2"), 640));
    assertEquals(List.of(new TrafficRow(key("a", "b"), 640)), none.result().rows());
  }
}
