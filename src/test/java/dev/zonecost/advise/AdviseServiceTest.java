package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.engine.EndpointTimeline;
import dev.zonecost.engine.ServiceTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client -> Service rows and the Services' endpoints become one input per Service. */
class AdviseServiceTest {
  static final WorkloadRef CLIENT = new WorkloadRef("shop", "Deployment", "web");
  static final WorkloadRef API = GroupBy.service("shop", "api", "");

  static TrafficRow row(WorkloadRef src, WorkloadRef dst, String sz, String dz, long bytes) {
    return new TrafficRow(new TrafficKey(src, dst, sz, dz), bytes);
  }

  static ServiceTopology topology() {
    return topology(Map.of());
  }

  /** The same Services, the given ones' connections carried by a mesh's proxies. */
  static ServiceTopology topology(Map<String, String> meshes) {
    Duration step = Duration.ofMinutes(1);
    return new ServiceTopology(
        Map.of(
            "shop/api", Map.of("a", 2.0, "b", 0.5, "", 1.0),
            "shop/db", Map.of("a", 1.0)),
        Map.of("shop/api", Map.of("a", 1.0, "b", 0.5, "", 1.0), "shop/db", Map.of("a", 1.0)),
        Set.of("shop/db"),
        Map.of("shop/api", "10.0.0.1", "shop/db", "None"),
        Map.of(),
        Map.of("n1", 4.0, "n2", 8.0, "n3", 2.0),
        Map.of("n1", "a", "n2", "b", "n3", ""),
        step,
        EndpointTimeline.none(Instant.EPOCH, Instant.EPOCH.plus(step)),
        meshes);
  }

  @Test
  void requests_and_replies_count_for_the_clients_zone_and_cross_where_the_endpoint_is_elsewhere() {
    List<TrafficRow> rows =
        List.of(
            row(CLIENT, API, "a", "a", 100), // request, same zone
            row(API, CLIENT, "a", "a", 40), // its reply
            row(CLIENT, API, "a", "b", 10), // request to b
            row(API, CLIENT, "b", "a", 5), // reply from b
            row(CLIENT, API, "unknown", "a", 7), // client without zone
            row(CLIENT, CLIENT, "a", "b", 1000)); // not through a Service
    List<ServiceInput> in = AdviseService.inputs(rows, topology(), null, Selection.ALL);
    ServiceInput api = in.stream().filter(s -> s.name().equals("api")).findFirst().orElseThrow();
    assertEquals(List.of(new ZoneTraffic("a", 155, 15)), api.traffic());
    assertEquals(7, api.unknownZoneClientBytes());
    assertEquals(Map.of("a", 2.0, "b", 0.5), api.endpoints());
    assertEquals(1.0, api.endpointsWithoutZone());
    assertEquals(0.5, api.coverageOf("b"));
    assertEquals(ServiceKind.CLUSTER_IP, api.kind());
    assertFalse(api.hinted());
    assertNull(api.spec());
  }

  @Test
  void keeps_a_hostile_namespace_with_a_slash_whole() {
    WorkloadRef svc = new WorkloadRef("a/b", "Service", "c");
    List<ServiceInput> in =
        AdviseService.inputs(
            List.of(row(CLIENT, svc, "a", "b", 10)), topology(), null, Selection.ALL);
    ServiceInput hostile =
        in.stream().filter(s -> s.namespace().startsWith("a")).findFirst().orElseThrow();
    assertEquals("a/b", hostile.namespace());
    assertEquals("c", hostile.name());
  }

  @Test
  void lists_services_without_traffic_from_kube_state_metrics_when_nothing_is_selected_away() {
    List<ServiceInput> in = AdviseService.inputs(List.of(), topology(), null, Selection.ALL);
    ServiceInput db = in.stream().filter(s -> s.name().equals("db")).findFirst().orElseThrow();
    assertEquals(ServiceKind.HEADLESS, db.kind());
    assertTrue(db.hinted());
    Selection some = new Selection("shop", null, null, null);
    assertTrue(AdviseService.inputs(List.of(), topology(), null, some).isEmpty());
  }

  @Test
  void node_capacity_sums_cpu_per_zone_and_names_nodes_without_zone_or_cpu() {
    NodeCapacity c = AdviseService.capacity(topology());
    assertTrue(c.known());
    assertEquals(Map.of("a", 4.0, "b", 8.0), c.cpuByZone());
    assertEquals(List.of("n3"), c.incomplete());
  }

  /**
   * Issue 29 row 4: kube-state-metrics without its EndpointSlice series — every Service would be
   * "no-endpoints" with 0 bytes avoidable; advise (and check --max-avoidable-cost) exit 5 instead.
   */
  @Test
  void refuses_services_without_any_endpointslice_series() {
    ServiceTopology t = topology();
    ServiceTopology noSlices =
        new ServiceTopology(
            Map.of(),
            Map.of(),
            Set.of(),
            t.clusterIps(),
            t.externalNames(),
            t.cpuByNode(),
            t.zoneByNode(),
            t.step());
    AdviseService service = new AdviseService(r -> null, r -> noSlices, null);
    dev.zonecost.engine.EngineRequest request =
        new dev.zonecost.engine.EngineRequest(
            java.time.Instant.parse("2026-11-01T00:00:00Z"),
            java.time.Instant.parse("2026-11-01T01:00:00Z"),
            dev.zonecost.accounting.DedupeMode.AUTO,
            dev.zonecost.accounting.DataAggregationLevel.LOW,
            Selection.ALL,
            GroupBy.WORKLOAD,
            dev.zonecost.promql.MetricNames.DEFAULT,
            false,
            dev.zonecost.source.QuerySettings.DEFAULT_LOOK_BEHIND,
            "auto");
    dev.zonecost.common.NoDataException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.zonecost.common.NoDataException.class,
            () -> service.advise(request, null, null, null));
    assertTrue(e.getMessage().contains("no EndpointSlice series"), e.getMessage());
    assertTrue(e.getMessage().contains("--resources=...,endpointslices"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    AdviseService.requireEndpointSlices(t); // slices present: no refusal
  }

  /** Each Service's advice when the mesh's proxies carried shop/api's connections. */
  static List<Advice> meshedAdvice(String mesh) {
    ServiceTopology meshed = topology(Map.of("shop/api", mesh));
    List<TrafficRow> rows = List.of(row(CLIENT, API, "a", "b", 100));
    Advisor advisor = Inputs.advisor();
    return AdviseService.inputs(rows, meshed, null, Selection.ALL).stream()
        .map(in -> AdviseService.meshed(advisor.advise(in), meshed))
        .toList();
  }

  @Test
  void a_service_istios_proxies_carried_says_what_istio_does_with_traffic_distribution() {
    for (Advice a : meshedAdvice("istio")) {
      if (a.name().equals("api")) {
        assertEquals(Mesh.ISTIO, a.mesh());
        assertTrue(a.todo().endsWith(Mesh.ISTIO.note()), a.todo());
      } else {
        assertNull(a.mesh(), "no Istio series for " + a.label());
        assertFalse(a.todo().contains("Istio"), a.todo());
      }
    }
  }

  @Test
  void a_service_linkerds_proxies_carried_says_linkerd_keeps_kube_proxys_zone_rule() {
    for (Advice a : meshedAdvice("linkerd")) {
      if (a.name().equals("api")) {
        assertEquals(Mesh.LINKERD, a.mesh());
        assertTrue(a.todo().endsWith(Mesh.LINKERD.note()), a.todo());
        assertTrue(a.todo().contains("PreferSameNode routes as PreferSameZone"), a.todo());
      } else {
        assertNull(a.mesh(), "no Linkerd series for " + a.label());
        assertFalse(a.todo().contains("Linkerd"), a.todo());
      }
    }
  }

  @Test
  void clients_named_by_their_node_become_bytes_per_node_and_the_endpoints_nodes_per_segment() {
    WorkloadRef n1 = dev.zonecost.accounting.NodeTraffic.node("n1");
    WorkloadRef n2 = dev.zonecost.accounting.NodeTraffic.node("n2");
    List<TrafficRow> rows =
        List.of(
            row(n1, API, "a", "b", 100), // request from n1, crosses
            row(API, n1, "b", "a", 40), // its reply
            row(n2, API, "a", "a", 10),
            row(n2, API, "unknown", "a", 7)); // a client without zone is never re-routed
    java.util.BitSet reported = new java.util.BitSet();
    reported.set(0, 2);
    dev.zonecost.engine.EndpointTimeline t =
        new dev.zonecost.engine.EndpointTimeline(
            java.time.Instant.EPOCH,
            java.time.Instant.EPOCH.plusSeconds(60),
            Duration.ofMinutes(1),
            2,
            Map.of("shop/api", Map.of("a", new int[] {1, 1}, "", new int[] {0, 1})),
            reported,
            Map.of("shop/api", Map.of("n1", new int[] {1, 1}, "", new int[] {0, 1})));
    NodeInput first = ClientNodes.of(rows, t, new StepSegments.Segment(0, 0, true)).get("shop/api");
    assertEquals(
        List.of(new NodeInput.Client("n1", "a", 140, 140), new NodeInput.Client("n2", "a", 10, 0)),
        first.clients());
    assertEquals(Set.of("n1"), first.endpointNodes());
    assertTrue(first.everyEndpointNamed());
    NodeInput second =
        ClientNodes.of(rows, t, new StepSegments.Segment(1, 1, true)).get("shop/api");
    assertFalse(second.everyEndpointNamed(), "an endpoint without a node name: no node hints");
  }
}
