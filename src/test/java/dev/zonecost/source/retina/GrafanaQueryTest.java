package dev.zonecost.source.retina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.source.QueryPlan;
import dev.zonecost.source.QuerySettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The panel expression and the rules' per-step form, both built, neither edited after. */
class GrafanaQueryTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final QueryPlan PLAN =
      new QueryPlan(
          new QuerySettings(
              END.minusSeconds(3600),
              END,
              DedupeMode.AUTO.directionRegex(),
              new Selection("app-.*", null, null, null),
              new MetricNames("my_bytes", "zz"),
              false,
              QuerySettings.DEFAULT_LOOK_BEHIND,
              new RetinaSource()));

  @Test
  void should_read_the_same_expression_over_any_range() {
    String panel = GrafanaQuery.expression(PLAN, DedupeMode.AUTO, DataAggregationLevel.LOW);
    assertEquals(
        panel.replace("$__range", "1h"),
        GrafanaQuery.over(PLAN, DedupeMode.AUTO, DataAggregationLevel.LOW, "1h"));
  }

  @Test
  void should_tile_time_in_steps_without_increase() {
    String sel =
        "my_bytes{direction=~\"(?i)ingress\", source_namespace=~\"app-.*\","
            + " source_namespace!~\"unknown|\", destination_namespace!~\"unknown|\"}";
    String tiled = GrafanaQuery.tiled(PLAN, DedupeMode.AUTO, DataAggregationLevel.LOW, "5m");
    assertTrue(
        tiled.contains(
            "(("
                + sel
                + " - "
                + sel
                + " offset 5m) >= 0 or ("
                + sel
                + " and "
                + sel
                + " offset 5m) or (("
                + sel
                + " unless last_over_time("
                + sel
                + "[3600s] offset 5m)) and on (cluster, instance) count by (cluster, instance)"
                + " (last_over_time(my_bytes[3600s] offset 5m))))"),
        tiled);
    assertTrue(tiled.contains("max_over_time(kube_pod_info[5m])"), tiled);
    assertFalse(tiled.contains("increase("), tiled);
    assertFalse(tiled.contains("$__range"), tiled);
  }

  @Test
  void auto_reads_each_kind_of_series_with_its_own_divisor() {
    String low = GrafanaQuery.over(PLAN, DedupeMode.AUTO, DataAggregationLevel.LOW, "1h");
    String high = GrafanaQuery.over(PLAN, DedupeMode.AUTO, DataAggregationLevel.HIGH, "1h");
    for (String e : new String[] {low, high}) {
      // EGRESS of a pod pair only where the pair has no INGRESS series
      assertTrue(
          e.contains(
              " unless on (source_namespace, source_podname, source_ip, destination_namespace,"
                  + " destination_podname, destination_ip) last_over_time(my_bytes{direction=~\"(?i)ingress\""),
          e);
      // ClusterIPs and node IPs are not outside peers; a masqueraded copy makes the pod's once
      assertTrue(e.contains("max_over_time(kube_service_info[1h])"), e);
      assertTrue(e.contains("group by (host_ip, node)"), e);
      // one node: both ends' nodes equal; a node end's agent by its instance
      assertTrue(e.contains("and on (source_node, destination_node) label_replace("), e);
      assertTrue(e.contains("and on (instance, destination_node)"), e);
      assertTrue(e.contains("\"source_place\", \"(node)\""), e);
      // an end without a node keeps no zone instead of dropping out
      assertTrue(e.contains(" or vector(1))"), e);
    }
    // low halves INGRESS across nodes and every pod pair's EGRESS; high halves EGRESS on one node
    assertTrue(low.split("\\) / 2").length > high.split("\\) / 2").length, low);
    assertFalse(low.endsWith("/ 2"), "no divisor over the whole sum: " + low);
  }
}
