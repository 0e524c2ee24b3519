package dev.zonecost.source.retina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.Selection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPlanTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  private static QueryPlan plan(String srcNs, boolean leftOpen) {
    return new QueryPlan(
        new QuerySettings(
            START,
            END,
            "(?i)egress",
            new Selection(srcNs, null, null, null),
            MetricNames.DEFAULT,
            leftOpen));
  }

  @Test
  void should_build_the_window_queries_exactly() {
    String sel = "networkobservability_adv_forward_bytes{direction=~\"(?i)egress\"}";
    assertEquals("max_over_time(" + sel + "[7200s])", plan(null, false).windowMax());
    assertEquals(
        "min_over_time("
            + sel
            + "[7200s]) and last_over_time("
            + sel
            + "[3599999ms] @ 1793491199.999)",
        plan(null, false).windowMinOfSeriesBefore());
  }

  @Test
  void should_lengthen_ranges_by_a_millisecond_on_left_open_servers() {
    assertTrue(plan(null, true).resetSeries().contains("[7200001ms]"));
    assertTrue(plan(null, true).podPlacements().contains("[7500001ms]"));
  }

  @Test
  void should_fold_kube_state_metrics_replicas_and_join_keys_in_the_info_queries() {
    assertEquals(
        "max by (cluster, namespace, pod, pod_ip, node, host_ip) (max_over_time(kube_pod_info[7500s]))",
        plan(null, false).podPlacements());
    assertEquals(
        "max by (cluster, node, label_topology_kubernetes_io_zone,"
            + " label_failure_domain_beta_kubernetes_io_zone) (max_over_time(kube_node_labels[7500s]))",
        plan(null, false).nodeZones());
  }

  @Test
  void should_escape_a_namespace_regex_so_it_cannot_break_out_of_its_matcher() {
    String q = plan("a\"} or vector(1) or {x=\"\\", false).resetSeries();
    assertEquals(
        "resets(networkobservability_adv_forward_bytes{direction=~\"(?i)egress\","
            + " source_namespace=~\"a\\\"} or vector(1) or {x=\\\"\\\\\"}[7200s]) > 0",
        q);
  }

  @Test
  void should_select_raw_samples_by_agent_with_regex_metacharacters_escaped() {
    assertEquals(
        "networkobservability_adv_forward_bytes{direction=~\"(?i)egress\","
            + " instance=~\"10\\\\.0\\\\.0\\\\.1:10093|retina-b\"}[7200s]",
        plan(null, false).rawSamples(List.of("retina-b", "10.0.0.1:10093")));
  }

  @Test
  void should_exclude_select_a_cluster_and_use_renamed_names_all_escaped() {
    QueryPlan p =
        new QueryPlan(
            new QuerySettings(
                START,
                END,
                "(?i)egress",
                new Selection(null, null, null, null, "kube-.*", "mon\"x", null, null, "eu\\1"),
                new MetricNames("retina_forward_bytes", "label_zone"),
                false));
    assertEquals(
        "resets(retina_forward_bytes{direction=~\"(?i)egress\", source_namespace!~\"kube-.*\","
            + " destination_namespace!~\"mon\\\"x\", cluster=\"eu\\\\1\"}[7200s]) > 0",
        p.resetSeries());
    assertEquals(
        "max by (cluster, node, label_zone, label_failure_domain_beta_kubernetes_io_zone)"
            + " (max_over_time(kube_node_labels{cluster=\"eu\\\\1\"}[7500s]))",
        p.nodeZones());
  }

  @Test
  void should_refuse_a_metric_or_label_name_that_could_break_the_query() {
    org.junit.jupiter.api.Assertions.assertThrows(
        dev.zonecost.common.UsageException.class, () -> new MetricNames("x{a=\"b\"}", "zone"));
    org.junit.jupiter.api.Assertions.assertThrows(
        dev.zonecost.common.UsageException.class, () -> new MetricNames("x", "zone) or vector(1"));
  }

  @Test
  void should_use_a_renamed_cluster_label_in_matchers_and_joins() {
    QueryPlan p =
        new QueryPlan(
            new QuerySettings(
                START,
                END,
                "(?i)egress",
                new Selection(null, null, null, null, null, null, null, null, "eu"),
                new MetricNames(LabelNames.FORWARD_BYTES, LabelNames.ZONE_LABEL, "k8s_cluster"),
                false));
    assertTrue(p.windowMax().contains("k8s_cluster=\"eu\""), p.windowMax());
    assertEquals(
        "max by (k8s_cluster, namespace, pod, pod_ip, node, host_ip)"
            + " (max_over_time(kube_pod_info{k8s_cluster=\"eu\"}[7500s]))",
        p.podPlacements());
  }
}
