package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zonecost.source.retina.RetinaSeries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Addresses outside the cluster in a subnet whose zone the user named ({@code --subnets}). */
class SubnetsTest {
  private static final Subnets NETS =
      Subnets.of(
          List.of(
              new String[] {"10.0.0.0/16", "us-east-1a", "vpc"},
              new String[] {"10.0.200.0/24", "us-east-1c", "rds-c"},
              new String[] {"192.168.4.0/22", "us-east-1b", null}));

  @Test
  void the_most_specific_range_wins_and_names_default_to_the_cidr() {
    assertEquals("rds-c", NETS.at("10.0.200.17").name());
    assertEquals("vpc", NETS.at("10.0.3.1").name());
    assertEquals("192.168.4.0/22", NETS.at("192.168.7.255").name());
    assertNull(NETS.at("192.168.8.0"));
    assertNull(NETS.at("fd00::1"));
    assertNull(NETS.at("unknown"));
  }

  @Test
  void a_range_that_is_no_ipv4_cidr_or_has_no_zone_is_refused_by_name() {
    assertEquals(
        "'10.0.0.0/33' is not an IPv4 CIDR range (a.b.c.d/n)",
        assertThrows(
                IllegalArgumentException.class,
                () -> Subnets.of(List.<String[]>of(new String[] {"10.0.0.0/33", "a", null})))
            .getMessage());
    assertEquals(
        "subnet 10.0.0.0/8 has no zone",
        assertThrows(
                IllegalArgumentException.class,
                () -> Subnets.of(List.<String[]>of(new String[] {"10.0.0.0/8", "", null})))
            .getMessage());
  }

  private static PodDirectory directory() {
    PodDirectory d = new PodDirectory();
    d.addNode("", "n1", "us-east-1a");
    d.addNodeAddress("", "10.0.1.5", "n1");
    d.addPod(new PodKey("", "app", "api-6d4cf56db6-aaaaa", "10.0.11.1"), "n1");
    return d;
  }

  private static Observation egress(String src, String srcIp, String dstIp, String agent, long b) {
    Map<String, String> l = new HashMap<>();
    l.put("direction", "EGRESS");
    l.put("instance", agent);
    l.put("source_namespace", src == null ? "unknown" : "app");
    l.put("source_podname", src == null ? "unknown" : src);
    l.put("source_ip", srcIp);
    l.put("source_workload_kind", src == null ? "unknown" : "ReplicaSet");
    l.put("source_workload_name", src == null ? "unknown" : "api-6d4cf56db6");
    l.put("destination_namespace", "unknown");
    l.put("destination_podname", "unknown");
    l.put("destination_ip", dstIp);
    l.put("destination_workload_kind", "unknown");
    l.put("destination_workload_name", "unknown");
    return RetinaSeries.observation(l, b);
  }

  private static TrafficAggregator aggregator(Subnets nets) {
    return new TrafficAggregator(
        directory(),
        new WorkloadResolver(),
        DedupeMode.AUTO,
        DataAggregationLevel.LOW,
        (s, d) -> true,
        GroupBy.WORKLOAD,
        false,
        new Places(NodeTraffic.NAME, nets));
  }

  private static final WorkloadRef API = new WorkloadRef("app", "Deployment", "api");

  @Test
  void a_database_in_a_named_subnet_is_a_place_and_untranslated_traffic_is_counted_once() {
    TrafficAggregator a = aggregator(NETS);
    // in-VPC: not masqueraded, so the veth and the host interface see one 5-tuple (twice at low)
    a.add(egress("api-6d4cf56db6-aaaaa", "10.0.11.1", "10.0.200.17", "n1", 2 * 4000));
    assertEquals(
        List.of(
            new TrafficRow(
                new TrafficKey(
                    API,
                    new WorkloadRef("(subnet)", "Subnet", "rds-c"),
                    "us-east-1a",
                    "us-east-1c"),
                4000)),
        a.result().rows());
  }

  @Test
  void internet_traffic_with_its_masqueraded_copy_is_counted_once_and_stays_unknown() {
    TrafficAggregator a = aggregator(NETS);
    a.add(egress("api-6d4cf56db6-aaaaa", "10.0.11.1", "198.51.100.7", "n1", 900));
    a.add(egress(null, "10.0.1.5", "198.51.100.7", "n1", 900)); // the host interface's copy
    WorkloadRef outside = new WorkloadRef("unknown", "unknown", "unknown");
    assertEquals(
        List.of(new TrafficRow(new TrafficKey(API, outside, "us-east-1a", "unknown"), 900)),
        a.result().rows());
  }

  @Test
  void without_subnets_the_database_is_unknown_with_the_same_bytes() {
    TrafficAggregator a = aggregator(Subnets.NONE);
    a.add(egress("api-6d4cf56db6-aaaaa", "10.0.11.1", "10.0.200.17", "n1", 2 * 4000));
    WorkloadRef outside = new WorkloadRef("unknown", "unknown", "unknown");
    assertEquals(
        List.of(new TrafficRow(new TrafficKey(API, outside, "us-east-1a", "unknown"), 4000)),
        a.result().rows());
  }
}
