package dev.zonecost.source.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.Observation;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.WorkloadResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Istio's copy and direction rules, one per test (REFERENCE.md "Other byte sources"). */
class IstioSourceTest {
  private static final IstioSource ISTIO = new IstioSource();

  private static Map<String, String> ztunnel(String reporter) {
    Map<String, String> l = new HashMap<>();
    l.put("reporter", reporter);
    l.put("source_workload", "client");
    l.put("source_workload_namespace", "app");
    l.put("destination_workload", "server");
    l.put("destination_workload_namespace", "app");
    l.put("source_zone", "us-east-1a");
    l.put("destination_zone", "us-east-1b");
    l.put("pod", "ztunnel-abcde");
    return l;
  }

  @Test
  void keeps_the_source_reporter_only() {
    assertTrue(
        ISTIO.matchers(null, Selection.ALL, "cluster").contains("reporter=\"source\""),
        "in PromQL");
    assertNull(ISTIO.observation(IstioSource.REQUEST, ztunnel("destination"), "cluster", 10));
  }

  @Test
  void received_bytes_go_client_to_server() {
    Observation o = ISTIO.observation(IstioSource.REQUEST, ztunnel("source"), "cluster", 10);
    assertEquals("client", o.source().workloadName());
    assertEquals("us-east-1a", o.source().nativeZone());
    assertEquals("server", o.destination().workloadName());
    assertEquals("us-east-1b", o.destination().nativeZone());
    assertEquals("", o.source().pod().pod(), "ztunnel's own pod is not the client");
  }

  @Test
  void sent_bytes_go_server_to_client() {
    Observation o = ISTIO.observation(IstioSource.RESPONSE, ztunnel("source"), "cluster", 10);
    assertEquals("server", o.source().workloadName());
    assertEquals("us-east-1b", o.source().nativeZone());
    assertEquals("client", o.destination().workloadName());
    assertEquals("us-east-1a", o.destination().nativeZone());
  }

  @Test
  void the_counters_are_received_then_sent() {
    assertEquals(
        List.of("istio_tcp_received_bytes_total", "istio_tcp_sent_bytes_total"),
        ISTIO.counters().stream().map(c -> c.metricNames().get(0)).toList());
  }

  @Test
  void a_sidecars_series_places_its_own_pod_by_the_join_and_leaves_the_server_unknown() {
    Map<String, String> l = ztunnel("source");
    l.remove("source_zone");
    l.remove("destination_zone");
    l.put("pod", "client-6d4cf56db6-aaaaa");
    Observation o = ISTIO.observation(IstioSource.REQUEST, l, "cluster", 10);
    assertEquals("client-6d4cf56db6-aaaaa", o.source().pod().pod());
    assertEquals("", o.source().nativeZone());
    assertEquals("", o.destination().pod().pod());
    assertEquals("", o.destination().nativeZone());
  }

  @Test
  void workload_kinds_come_from_kube_state_metrics_pod_owners() {
    WorkloadResolver r = new WorkloadResolver();
    r.addReplicaSetOwner("", "app", "client-6d4cf56db6", "Deployment", "client");
    r.addPodOwner("", "app", "ReplicaSet", "client-6d4cf56db6");
    r.addPodOwner("", "data", "StatefulSet", "cache");
    assertEquals(
        new WorkloadRef("app", "Deployment", "client"), r.resolve("", "app", "", "client", ""));
    assertEquals(
        new WorkloadRef("data", "StatefulSet", "cache"), r.resolve("", "data", "", "cache", ""));
    assertEquals(
        new WorkloadRef("app", "unknown", "nobody"), r.resolve("", "app", "", "nobody", ""));
    assertEquals(WorkloadResolver.UNKNOWN, r.resolve("", "unknown", "", "unknown", ""));
  }
}
