package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.prometheus.FakePrometheus;
import dev.zonecost.promql.MetricNames;
import org.junit.jupiter.api.Test;

/** Doctor's queries under renamed names and one cluster. */
class ScopedApiTest {
  private final ScopedApi eu =
      new ScopedApi(
          new FakePrometheus(), new MetricNames("retina_bytes", "label_zone", "k8s_cluster"), "eu");

  @Test
  void should_rename_and_restrict_every_metric_the_checks_read() {
    assertEquals(
        "count(retina_bytes{k8s_cluster=\"eu\", direction=\"EGRESS\"})",
        eu.scope("count(networkobservability_adv_forward_bytes{direction=\"EGRESS\"})"));
    assertEquals(
        "max by (node, label_zone) (kube_node_labels{k8s_cluster=\"eu\"}[1h])",
        eu.scope("max by (node, label_topology_kubernetes_io_zone) (kube_node_labels[1h])"));
    assertEquals("count(kube_pod_info{k8s_cluster=\"eu\"})", eu.scope("count(kube_pod_info{})"));
  }

  @Test
  void should_leave_longer_names_and_other_metrics_alone() {
    assertEquals(
        "kube_pod_info_extra + up + count by (__name__) ({__name__=~\"hubble_.+\"})",
        eu.scope("kube_pod_info_extra + up + count by (__name__) ({__name__=~\"hubble_.+\"})"));
  }

  @Test
  void should_send_queries_unchanged_without_renames_or_cluster() {
    ScopedApi all = new ScopedApi(new FakePrometheus(), MetricNames.DEFAULT, null);
    String q = "count(networkobservability_adv_forward_bytes) + count(kube_pod_info)";
    assertEquals(q, all.scope(q));
  }
}
