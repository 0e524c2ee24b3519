package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the simulator writes as Beyla and Istio export the same flows (issue 15). */
class SourceWritersTest {
  private static SimulatedCluster edge(Routing routing) {
    return Simulator.generate(
        SimulationSpec.builder("edge", Instant.parse("2026-11-01T02:00:00Z"))
            .hours(2)
            .seed(42)
            .routing(routing)
            .build());
  }

  private static Map<String, String> without(Map<String, String> l, String... keys) {
    Map<String, String> m = new HashMap<>(l);
    for (String k : keys) {
      m.remove(k);
    }
    return m;
  }

  @Test
  void beyla_exports_a_flow_between_nodes_from_both_agents_and_keeps_the_senders() {
    SimulatedCluster c = edge(Routing.KUBE_PROXY);
    List<SourceCounter> all = BeylaWriter.counters(c);
    Map<Map<String, String>, List<SourceCounter>> copies =
        all.stream()
            .filter(x -> !"Service".equals(x.labels().get("k8s_dst_owner_type")))
            .filter(x -> !"Service".equals(x.labels().get("k8s_src_owner_type")))
            .collect(Collectors.groupingBy(x -> without(x.labels(), "beyla_ip", "instance")));
    int twice = 0;
    for (var e : copies.entrySet()) {
      Map<String, String> l = e.getKey();
      boolean between =
          l.containsKey("k8s_src_node_ip")
              && l.containsKey("k8s_dst_node_ip")
              && !l.get("k8s_src_node_ip").equals(l.get("k8s_dst_node_ip"));
      if (between) {
        assertEquals(2, e.getValue().size(), "both agents: " + l);
        twice++;
      } else {
        assertEquals(1, e.getValue().size(), "one agent: " + l);
      }
      long kept = e.getValue().stream().filter(x -> x.keptAs() != null).count();
      assertEquals(1, kept, "one copy kept per byte: " + l);
      for (SourceCounter x : e.getValue()) {
        String sender = l.getOrDefault("k8s_src_node_ip", l.getOrDefault("k8s_dst_node_ip", "?"));
        assertEquals(x.labels().get("beyla_ip").equals(sender), x.keptAs() != null, l.toString());
      }
    }
    assertTrue(twice > 10, "flows between nodes: " + twice);
  }

  @Test
  void beyla_exports_a_service_owner_copy_under_kube_proxy_only() {
    long underKubeProxy =
        BeylaWriter.counters(edge(Routing.KUBE_PROXY)).stream()
            .filter(x -> "Service".equals(x.labels().get("k8s_dst_owner_type")))
            .peek(x -> assertNull(x.keptAs(), "never kept: " + x.labels()))
            .count();
    assertTrue(underKubeProxy > 0);
    assertFalse(
        BeylaWriter.counters(edge(Routing.SOCKET_LB)).stream()
            .anyMatch(x -> "Service".equals(x.labels().get("k8s_dst_owner_type"))));
  }

  @Test
  void istio_reports_every_meshed_connection_from_both_sides_and_keeps_the_source() {
    List<SourceCounter> all = IstioWriter.counters(edge(Routing.KUBE_PROXY));
    Map<Map<String, String>, List<SourceCounter>> pairs =
        all.stream()
            .filter(x -> x.family().equals(IstioWriter.RECEIVED))
            .filter(x -> !x.labels().get("destination_workload").equals("unknown"))
            .collect(Collectors.groupingBy(x -> without(x.labels(), "reporter", "instance")));
    for (var e : pairs.entrySet()) {
      Set<String> reporters =
          e.getValue().stream().map(x -> x.labels().get("reporter")).collect(Collectors.toSet());
      assertEquals(Set.of("source", "destination"), reporters, e.getKey().toString());
    }
    for (SourceCounter x : all) {
      assertEquals(x.labels().get("reporter").equals("source"), x.keptAs() != null);
      assertFalse(x.labels().get("source_zone").isEmpty());
    }
  }

  @Test
  void linkerd_reports_each_injected_clients_service_calls_by_dst_service_and_no_other() {
    SimulatedCluster c = edge(Routing.KUBE_PROXY);
    Set<String> injected =
        c.flows().stream()
            .filter(f -> f.via() != null && !f.opener().host())
            .map(f -> f.opener().namespace())
            .limit(1)
            .collect(Collectors.toSet());
    List<SourceCounter> all = LinkerdWriter.counters(c, p -> injected.contains(p.namespace()));
    Map<List<String>, Long> written = new HashMap<>();
    for (SourceCounter x : all) {
      Map<String, String> l = x.labels();
      assertEquals("outbound", l.get("direction"));
      assertEquals("dst", l.get("peer"));
      assertFalse(l.get("pod").isEmpty());
      assertNull(x.keptAs(), "a mesh marker: no bytes kept");
      if (x.family().equals(LinkerdWriter.WRITE)) {
        written.merge(
            List.of(l.get("namespace"), l.get("pod"), l.get("dst_namespace"), l.get("dst_service")),
            1L,
            Long::sum);
      }
    }
    Map<List<String>, Long> calls = new HashMap<>();
    for (var f : c.flows()) {
      if (f.via() != null && !f.opener().host() && injected.contains(f.opener().namespace())) {
        calls.put(
            List.of(f.opener().namespace(), f.opener().name(), f.via().namespace(), f.via().name()),
            1L);
      }
    }
    assertFalse(calls.isEmpty());
    assertEquals(calls.keySet(), written.keySet());
    assertEquals(
        2 * written.values().stream().mapToLong(Long::longValue).sum(),
        all.size(),
        "a read counter beside each write counter");
  }

  @Test
  void every_source_gives_the_rows_retina_gives_within_the_agents_own_losses() {
    SimulatedCluster c = edge(Routing.KUBE_PROXY);
    Map<TrafficKey, Long> retina = rows(c.answer().expected(c.start(), c.end()));
    for (String source : List.of("beyla", "istio")) {
      Map<TrafficKey, Long> rows = rows(c.answer().expected(source, c.start(), c.end()));
      assertEquals(retina.keySet(), rows.keySet(), source);
      retina.forEach(
          (k, v) ->
              assertTrue(
                  Math.abs(rows.get(k) - v) <= v / 100, source + " " + k + ": " + rows.get(k)));
    }
  }

  @Test
  void without_agent_restarts_or_window_edges_every_source_gives_retinas_answer_exactly() {
    SimulatedCluster c =
        Simulator.generate(
            SimulationSpec.builder("seed", Instant.parse("2026-11-01T02:00:00Z"))
                .hours(2)
                .seed(42)
                .build());
    List<TrafficRow> retina = c.answer().expected(c.start(), c.end());
    assertEquals(retina, c.answer().expected("beyla", c.start(), c.end()));
    assertEquals(retina, c.answer().expected("istio", c.start(), c.end()));
  }

  @Test
  void writes_the_sources_series_in_place_of_retinas_and_counts_their_samples() throws Exception {
    SimulatedCluster c = edge(Routing.KUBE_PROXY);
    for (String source : List.of("beyla", "istio")) {
      StringWriter w = new StringWriter();
      c.writeOpenMetrics(w, source);
      String text = w.toString();
      assertFalse(text.contains(SimulatedCluster.RETINA_FORWARD_BYTES), source);
      assertTrue(text.contains("kube_pod_info{"), source);
      assertTrue(text.endsWith("# EOF\n"));
      long samples = text.lines().filter(l -> !l.startsWith("#")).count();
      assertEquals(c.sampleCount(source), samples, source);
    }
  }

  private static Map<TrafficKey, Long> rows(List<TrafficRow> rows) {
    return rows.stream().collect(Collectors.toMap(TrafficRow::key, TrafficRow::bytes));
  }
}
