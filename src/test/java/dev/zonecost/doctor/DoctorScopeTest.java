package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.prometheus.FakePrometheus;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.promql.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The doctor's queries built in the user's names and one cluster, not rewritten after. */
class DoctorScopeTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final String R = "3600s";
  private static final Scope EU =
      new Scope(new MetricNames("retina_bytes", "label_zone", "k8s_cluster"), "eu");

  @Test
  void should_name_the_renamed_metric_and_restrict_every_selector_to_the_cluster() {
    assertEquals(
        "count(last_over_time(retina_bytes{k8s_cluster=\"eu\"}[3600s]))",
        ForwardBytesCheck.query(EU, R));
    assertEquals(
        "count(last_over_time(retina_bytes{k8s_cluster=\"eu\","
            + " source_podname!=\"\",destination_podname!=\"\"}[3600s]))",
        RemoteContextCheck.query(EU, R));
    assertEquals(
        "max by (node, label_zone, label_failure_domain_beta_kubernetes_io_zone)"
            + " (last_over_time(kube_node_labels{k8s_cluster=\"eu\"}[3600s]))",
        NodeZoneCheck.query(EU, R));
    assertEquals(
        "count(max by (namespace, pod) (kube_pod_info{k8s_cluster=\"eu\", namespace=~\"a\\\\.b\","
            + " host_network!=\"true\"}))",
        FilterMapCheck.pods(EU, List.of("a.b")));
    assertEquals(
        "count by (__name__) ({k8s_cluster=\"eu\", __name__=~\"hubble_.+\"})",
        HubbleCheck.names(EU, R));
  }

  @Test
  void should_leave_the_usual_names_unscoped_without_a_cluster() {
    assertEquals(
        "count(last_over_time(networkobservability_adv_forward_bytes[3600s]))",
        ForwardBytesCheck.query(Scope.ALL, R));
    assertEquals(
        "count by (__name__) ({__name__=~\"hubble_.+\"})", HubbleCheck.names(Scope.ALL, R));
  }

  @Test
  void should_hand_the_checks_the_zone_label_under_the_name_they_read() {
    FakePrometheus api = new FakePrometheus();
    String q = NodeZoneCheck.query(EU, R);
    api.series(q, List.of(FakePrometheus.series(Map.of("node", "n1", "label_zone", "z1"), 1)));
    DoctorContext ctx = new DoctorContext(api, END.minusSeconds(3600), END, 1, EU);
    assertEquals("z1", ctx.query(q).get(0).label(LabelNames.ZONE_LABEL));
  }

  @Test
  void should_run_the_engine_in_the_same_names_and_cluster() {
    DoctorContext ctx = new DoctorContext(new FakePrometheus(), END.minusSeconds(3600), END, 1, EU);
    EngineRequest r = ctx.engineRequest(GroupBy.WORKLOAD);
    assertEquals(EU.names(), r.names());
    assertEquals("eu", r.selection().cluster());
  }
}
