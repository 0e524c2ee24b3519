package dev.zonecost.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.promql.QueryWindow;
import dev.zonecost.promql.Scope;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The exact PromQL of advise's kube-state-metrics queries. */
class TopologyQueriesTest {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  static TopologyQueries q(Duration window, boolean leftOpen) {
    return new TopologyQueries(Scope.ALL, new QueryWindow(END.minus(window), END, leftOpen));
  }

  @Test
  void reads_ready_endpoints_per_zone_at_each_step_over_exactly_one_step_on_either_engine() {
    // Prometheus 2's ranges are closed: [60s] would also see the sample at t - 60s and count an
    // endpoint one step after it went; one millisecond less reads (t - 60s, t] as [60s] does on a
    // left-open engine.
    for (boolean leftOpen : new boolean[] {false, true}) {
      String ready =
          "max_over_time(kube_endpointslice_endpoints{ready=\"true\"}["
              + (leftOpen ? "60s" : "59999ms")
              + "])";
      assertEquals(
          "count by (cluster, namespace, endpointslice, endpoint_zone, endpoint_nodename) (max"
              + " by (cluster, namespace, endpointslice, address, endpoint_zone,"
              + " endpoint_nodename) ("
              + exported(ready)
              + "))[7200s:60s]",
          q(Duration.ofHours(2), leftOpen).readyEndpointsPerStep());
    }
  }

  /** A namespace renamed by a scrape without honor_labels is read from exported_namespace. */
  static String exported(String expr) {
    return "label_replace(" + expr + ", \"namespace\", \"$1\", \"exported_namespace\", \"(.+)\")";
  }

  @Test
  void the_grid_grows_with_the_window_to_at_most_720_points() {
    assertEquals(Duration.ofMinutes(1), q(Duration.ofHours(12), false).step());
    assertEquals(Duration.ofMinutes(14), q(Duration.ofDays(7), false).step());
  }

  @Test
  void window_ranges_follow_the_back_ends_range_semantics() {
    assertEquals(
        "max by (cluster, namespace, endpointslice) ("
            + exported("max_over_time(kube_endpointslice_endpoints_hints[7200001ms])")
            + ")",
        q(Duration.ofHours(2), true).hintedSlices());
    assertEquals(
        "max by (cluster, node) (max_over_time(kube_node_status_allocatable{resource=\"cpu\"}"
            + "[7200s]))",
        q(Duration.ofHours(2), false).nodeCpu());
  }

  @Test
  void reads_the_services_istios_client_proxies_carried_by_their_destination_service() {
    assertEquals(
        "max by (cluster, destination_service) (max_over_time(istio_tcp_received_bytes_total{"
            + "reporter=\"source\", destination_service!=\"unknown\"}[7200s]))",
        q(Duration.ofHours(2), false).meshedByIstio());
  }

  @Test
  void reads_the_services_linkerds_client_proxies_connected_to_by_their_dst_labels() {
    assertEquals(
        "max by (cluster, dst_namespace, dst_service) (max_over_time(tcp_write_bytes_total{"
            + "direction=\"outbound\", peer=\"dst\", dst_service!=\"\"}[7200s]))",
        q(Duration.ofHours(2), false).meshedByLinkerd());
  }
}
