package dev.zonecost.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.Selection;
import dev.zonecost.kube.KubeQueries;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.source.retina.RetinaSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPlanTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  /** Retina's counter, the default look-behind. */
  static QuerySettings settings(
      Instant start,
      Instant end,
      String directionRegex,
      Selection selection,
      MetricNames names,
      boolean leftOpen) {
    return new QuerySettings(
        start,
        end,
        directionRegex,
        selection,
        names,
        leftOpen,
        QuerySettings.DEFAULT_LOOK_BEHIND,
        new RetinaSource());
  }

  /** The kube-state-metrics queries sent with the plan's. */
  static KubeQueries kube(QueryPlan plan) {
    return new KubeQueries(plan.settings().scope(), plan.settings().queryWindow());
  }

  private static QueryPlan plan(String srcNs, boolean leftOpen) {
    return new QueryPlan(
        settings(
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
    QueryPlan p = plan(null, false);
    assertEquals("resets(" + sel + "[7200s])", p.windowCensus());
    // last_over_time keeps the metric name; * 1 drops it (one name per selector: no merge)
    assertEquals("last_over_time(" + sel + "[600s]) * 1", p.lastValuesAtEnd());
    // each edge stretch read once: the first edge, and the look-behind (the join is the engine's)
    assertEquals("min_over_time(" + sel + "[600s] @ 1793491800.000)", p.firstEdgeValues());
    assertEquals("last_over_time(" + sel + "[3600s] @ 1793491200.000) * 1", p.lookBehindSeries());
  }

  @Test
  void should_name_the_agents_from_the_look_behind_only_when_it_selects_every_series_of_theirs() {
    QueryPlan all =
        new QueryPlan(settings(START, END, null, Selection.ALL, MetricNames.DEFAULT, false));
    assertTrue(all.lookBehindNamesAgents());
    assertEquals(
        List.of(
            all.windowCensus(),
            all.lastValuesAtEnd(),
            all.firstEdgeValues(),
            all.lookBehindSeries()),
        all.counterQueries().stream().map(q -> q.promql()).toList());
    // a direction or a namespace narrows the series, not the agents' evidence: asked apart
    for (QueryPlan narrow : List.of(plan(null, false), plan("app-.*", false))) {
      assertFalse(narrow.lookBehindNamesAgents());
      assertEquals(5, narrow.counterQueries().size());
      assertEquals(narrow.agentsWithLookBehind(), narrow.counterQueries().get(4).promql());
    }
  }

  @Test
  void should_read_by_name_and_locate_resets_with_a_subquery() {
    QueryPlan p = plan(null, false);
    String sel =
        "networkobservability_adv_forward_bytes{direction=~\"(?i)egress\","
            + " source_podname=~\"a|b\\\\.c\"}";
    List<String> m = List.of(QueryPlan.anyOf("source_podname", List.of("b.c", "a", "a")));
    assertEquals("last_over_time(" + sel + "[7200s]) * 1", p.lastValues(m));
    assertEquals("min_over_time(" + sel + "[7200s])", p.firstValues(m));
    assertEquals(
        "(resets(" + sel + "[600s]) > 0)[8100s:300s]",
        p.resetSteps(m, java.time.Duration.ofMinutes(5)));
    assertEquals(sel + "[600s]", p.rawSamplesOf(m, java.time.Duration.ofMinutes(10)));
  }

  @Test
  void should_shorten_the_edges_to_a_window_shorter_than_them() {
    QueryPlan p =
        new QueryPlan(
            settings(
                START, START.plusSeconds(240), null, Selection.ALL, MetricNames.DEFAULT, false));
    assertEquals(
        "last_over_time(networkobservability_adv_forward_bytes[240s]) * 1", p.lastValuesAtEnd());
  }

  @Test
  void should_lengthen_ranges_by_a_millisecond_on_left_open_servers() {
    assertTrue(plan(null, true).windowCensus().contains("[7200001ms]"));
    assertTrue(plan(null, true).lastValuesAtEnd().contains("[600001ms]"));
    assertTrue(kube(plan(null, true)).podPlacements().contains("[7500001ms]"));
  }

  @Test
  void should_fold_kube_state_metrics_replicas_and_join_keys_in_the_info_queries() {
    // A scrape without honor_labels renames namespace and pod: their exported_ twins win.
    assertEquals(
        "max by (cluster, namespace, pod, pod_ip, node, host_ip, exported_namespace)"
            + " (label_replace(label_replace(max_over_time(kube_pod_info[7500s]),"
            + " \"namespace\", \"$1\", \"exported_namespace\", \"(.+)\"),"
            + " \"pod\", \"$1\", \"exported_pod\", \"(.+)\"))",
        kube(plan(null, false)).podPlacements());
    assertEquals(
        "max by (cluster, namespace, service, cluster_ip)"
            + " (label_replace(label_replace(max_over_time(kube_service_info[7500s]),"
            + " \"namespace\", \"$1\", \"exported_namespace\", \"(.+)\"),"
            + " \"service\", \"$1\", \"exported_service\", \"(.+)\"))",
        kube(plan(null, false)).serviceIps());
    assertEquals(
        "max by (cluster, namespace, job_name, owner_kind, owner_name)"
            + " (label_replace(max_over_time(kube_job_owner{owner_kind=\"CronJob\"}[7500s]),"
            + " \"namespace\", \"$1\", \"exported_namespace\", \"(.+)\"))",
        kube(plan(null, false)).jobOwners());
    assertEquals(
        "max by (cluster, node, label_topology_kubernetes_io_zone,"
            + " label_failure_domain_beta_kubernetes_io_zone) (max_over_time(kube_node_labels[7500s]))",
        kube(plan(null, false)).nodeZones());
  }

  @Test
  void should_escape_a_namespace_regex_so_it_cannot_break_out_of_its_matcher() {
    String q = plan("a\"} or vector(1) or {x=\"\\", false).windowCensus();
    assertEquals(
        "resets(networkobservability_adv_forward_bytes{direction=~\"(?i)egress\","
            + " source_namespace=~\"a\\\"} or vector(1) or {x=\\\"\\\\\"}[7200s])",
        q);
  }

  @Test
  void should_exclude_select_a_cluster_and_use_renamed_names_all_escaped() {
    QueryPlan p =
        new QueryPlan(
            settings(
                START,
                END,
                "(?i)egress",
                new Selection(null, null, null, null, "kube-.*", "mon\"x", null, null, "eu\\1"),
                new MetricNames("retina_forward_bytes", "label_zone"),
                false));
    assertEquals(
        "resets(retina_forward_bytes{direction=~\"(?i)egress\", source_namespace!~\"kube-.*\","
            + " destination_namespace!~\"mon\\\"x\", cluster=\"eu\\\\1\"}[7200s])",
        p.windowCensus());
    assertEquals(
        "max by (cluster, node, label_zone, label_failure_domain_beta_kubernetes_io_zone)"
            + " (max_over_time(kube_node_labels{cluster=\"eu\\\\1\"}[7500s]))",
        kube(p).nodeZones());
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
            settings(
                START,
                END,
                "(?i)egress",
                new Selection(null, null, null, null, null, null, null, null, "eu"),
                new MetricNames(LabelNames.FORWARD_BYTES, LabelNames.ZONE_LABEL, "k8s_cluster"),
                false));
    assertTrue(p.windowCensus().contains("k8s_cluster=\"eu\""), p.windowCensus());
    assertTrue(
        kube(p)
            .podPlacements()
            .startsWith(
                "max by (k8s_cluster, namespace, pod, pod_ip, node, host_ip, exported_namespace)"
                    + " (label_replace(label_replace(max_over_time(kube_pod_info{k8s_cluster=\"eu\"}[7500s]),"),
        kube(p).podPlacements());
  }
}
