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
  void averages_ready_endpoints_per_zone_over_the_points_with_data() {
    String ready = "max_over_time(kube_endpointslice_endpoints{ready=\"true\"}[60s])";
    String perZone =
        "count by (cluster, namespace, endpointslice, endpoint_zone) (max by (cluster, namespace,"
            + " endpointslice, address, endpoint_zone) ("
            + exported(ready)
            + "))";
    String points = "scalar(count_over_time(count(" + ready + ")[7200s:60s]))";
    assertEquals(
        "sum_over_time(" + perZone + "[7200s:60s]) / " + points,
        q(Duration.ofHours(2), false).averageReadyEndpoints());
    assertEquals(
        "count_over_time(" + perZone + "[7200s:60s]) / " + points,
        q(Duration.ofHours(2), false).zoneCoverage());
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
}
