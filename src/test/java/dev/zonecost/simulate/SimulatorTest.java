package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  private static final Instant END = Instant.parse("2024-06-01T12:00:00Z");

  private static SimulationSpec spec(String scenario, DataAggregationLevel level, boolean zones) {
    return SimulationSpec.builder(scenario, END)
        .hours(2)
        .level(level)
        .nativeZones(zones)
        .seed(42L)
        .build();
  }

  private static String openMetrics(SimulatedCluster c) throws IOException {
    StringWriter w = new StringWriter();
    c.writeOpenMetrics(w);
    return w.toString();
  }

  @Test
  void should_write_identical_bytes_for_the_same_spec() throws IOException {
    for (String scenario : SimulationSpec.SCENARIOS) {
      SimulationSpec spec = spec(scenario, DataAggregationLevel.LOW, true);
      String first = openMetrics(Simulator.generate(spec));
      assertEquals(first, openMetrics(Simulator.generate(spec)), scenario);
      SimulationSpec other =
          SimulationSpec.builder(scenario, END).hours(2).nativeZones(true).seed(43L).build();
      assertNotEquals(first, openMetrics(Simulator.generate(other)), "seed must matter");
    }
  }

  @Test
  void should_write_well_formed_openmetrics_with_the_counted_series_and_samples()
      throws IOException {
    for (String scenario : SimulationSpec.SCENARIOS) {
      for (DataAggregationLevel level : DataAggregationLevel.values()) {
        SimulatedCluster c =
            Simulator.generate(spec(scenario, level, level == DataAggregationLevel.HIGH));
        OpenMetricsText om = OpenMetricsText.parse(openMetrics(c));
        assertEquals(c.seriesCount(), om.series.size());
        assertEquals(c.sampleCount(), om.sampleCount());
        assertEquals(
            List.of(
                SimulatedCluster.KUBE_NODE_LABELS,
                SimulatedCluster.KUBE_NODE_ALLOCATABLE,
                SimulatedCluster.KUBE_POD_INFO,
                SimulatedCluster.KUBE_REPLICASET_OWNER,
                SimulatedCluster.KUBE_REPLICASET_CREATED,
                SimulatedCluster.KUBE_SERVICE_INFO,
                SimulatedCluster.KUBE_ENDPOINTSLICE_ENDPOINTS,
                SimulatedCluster.KUBE_ENDPOINTSLICE_LABELS,
                Instances.KUBE_NODE_INFO,
                SimulatedCluster.RETINA_FORWARD_BYTES),
            List.copyOf(om.types.keySet()));
        long start = c.dataStart().getEpochSecond();
        long end = c.end().getEpochSecond();
        for (OpenMetricsText.Series s : om.series) {
          List<OpenMetricsText.Sample> samples = s.samples();
          for (int i = 0; i < samples.size(); i++) {
            long ts = samples.get(i).timestamp();
            assertTrue(ts >= start && ts <= end && (ts - start) % 60 == 0, s.toString());
            if (i > 0) {
              long gap = ts - samples.get(i - 1).timestamp();
              assertTrue(
                  gap == 60 || (scenario.equals("edge") && gap % 60 == 0),
                  "gaps only where the edge scenario has an outage or a TTL: " + s.labels());
            }
          }
        }
      }
    }
  }

  @Test
  void should_produce_cross_same_and_unknown_rows_in_edge() {
    List<TrafficRow> rows =
        Simulator.generate(spec("edge", DataAggregationLevel.LOW, false)).answer().expected();
    Set<Locality> localities = rows.stream().map(TrafficRow::locality).collect(Collectors.toSet());
    assertEquals(Set.of(Locality.values()), localities);
    WorkloadRef external = SimulatedCluster.EXTERNAL_WORKLOAD;
    WorkloadRef db = new WorkloadRef("app-db", "Deployment", "db");
    WorkloadRef canary = new WorkloadRef("app-server-canary", "Deployment", "server");
    WorkloadRef cache = new WorkloadRef("app-cache", "StatefulSet", "cache");
    assertTrue(rows.stream().anyMatch(r -> r.key().destination().equals(external)));
    assertTrue(rows.stream().anyMatch(r -> r.key().source().equals(external)));
    // The node without a zone label hosts a db pod: unknown-zone rows that are not external.
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.key().source().equals(db)
                        && Zones.isUnknown(r.key().sourceZone())
                        && r.locality() == Locality.UNKNOWN_ZONE));
    assertTrue(rows.stream().anyMatch(r -> r.key().destination().equals(canary)));
    // cache-0 lived in two zones, one incarnation after the other.
    Set<String> cacheZones =
        rows.stream()
            .filter(r -> r.key().destination().equals(cache))
            .map(r -> r.key().destinationZone())
            .collect(Collectors.toSet());
    assertEquals(2, cacheZones.size(), cacheZones.toString());
    for (TrafficRow r : rows) {
      assertTrue(r.bytes() > 0);
    }
    assertEquals(rows.stream().sorted(TrafficRow.DEFAULT_ORDER).toList(), rows);
  }

  @Test
  void should_give_the_same_answer_for_every_level_and_zone_source() {
    List<TrafficRow> reference =
        Simulator.generate(spec("edge", DataAggregationLevel.LOW, false)).answer().expected();
    for (DataAggregationLevel level : DataAggregationLevel.values()) {
      for (boolean zones : new boolean[] {false, true}) {
        assertEquals(reference, Simulator.generate(spec("edge", level, zones)).answer().expected());
      }
    }
  }

  @Test
  void should_double_cross_node_series_at_low_level_and_not_same_node_ones() throws IOException {
    OpenMetricsText low =
        OpenMetricsText.parse(
            openMetrics(
                Simulator.generate(
                    spec("edge", DataAggregationLevel.LOW, false).toBuilder()
                        .routing(Routing.POD_IP_ONLY)
                        .build())));
    OpenMetricsText high =
        OpenMetricsText.parse(
            openMetrics(
                Simulator.generate(
                    spec("edge", DataAggregationLevel.HIGH, false).toBuilder()
                        .routing(Routing.POD_IP_ONLY)
                        .build())));
    Map<String, String> nodeOfIp = new HashMap<>();
    for (OpenMetricsText.Series s : low.family(SimulatedCluster.KUBE_POD_INFO)) {
      nodeOfIp.put(s.label("pod_ip"), s.label("node"));
    }
    Map<Map<String, String>, OpenMetricsText.Series> highByLabels = new HashMap<>();
    high.family(SimulatedCluster.RETINA_FORWARD_BYTES)
        .forEach(s -> highByLabels.put(s.labels(), s));
    int crossNode = 0;
    int sameNode = 0;
    Set<String> sameNodePairs = new HashSet<>();
    for (OpenMetricsText.Series s : low.family(SimulatedCluster.RETINA_FORWARD_BYTES)) {
      OpenMetricsText.Series h = highByLabels.get(s.labels());
      String srcNode = nodeOfIp.get(s.label("source_ip"));
      String dstNode = nodeOfIp.get(s.label("destination_ip"));
      boolean same = srcNode != null && srcNode.equals(dstNode);
      long factor = same ? 1 : 2;
      for (int i = 0; i < s.samples().size(); i++) {
        assertEquals(
            factor * h.samples().get(i).value(), s.samples().get(i).value(), s.labels().toString());
      }
      if (same) {
        sameNode++;
        sameNodePairs.add(s.label("source_ip") + ">" + s.label("destination_ip"));
        assertEquals("EGRESS", s.label("direction"), "same-node pairs have no INGRESS series");
        assertEquals(srcNode, s.label("instance"));
      } else {
        crossNode++;
      }
    }
    assertEquals(highByLabels.size(), low.family(SimulatedCluster.RETINA_FORWARD_BYTES).size());
    assertTrue(crossNode > 0);
    assertTrue(sameNode > 0, "edge has a same-node pair");
    for (OpenMetricsText.Series s : high.family(SimulatedCluster.RETINA_FORWARD_BYTES)) {
      String pair = s.label("source_ip") + ">" + s.label("destination_ip");
      if (sameNodePairs.contains(pair)) {
        assertEquals("EGRESS", s.label("direction"));
      }
    }
  }

  @Test
  void should_add_up_windows_that_split_the_span_where_nothing_begins() {
    SimulatedCluster c = Simulator.generate(spec("edge", DataAggregationLevel.LOW, false));
    // Step 70 of 120: no pod or flow begins there, so [start, t] and [t, end] tile the span.
    Instant split = c.start().plus(Duration.ofMinutes(70));
    Map<TrafficKey, Long> sum = new HashMap<>();
    for (List<TrafficRow> part :
        List.of(c.answer().expected(c.start(), split), c.answer().expected(split, c.end()))) {
      part.forEach(r -> sum.merge(r.key(), r.bytes(), Long::sum));
    }
    Map<TrafficKey, Long> whole =
        c.answer().expected().stream()
            .collect(Collectors.toMap(TrafficRow::key, TrafficRow::bytes));
    assertEquals(whole, sum);
    long late = total(c.answer().expected(split, c.end()));
    assertTrue(late > 0 && late < total(c.answer().expected()));
  }

  @Test
  void should_model_the_edge_cases_in_the_series() throws IOException {
    SimulatedCluster c = Simulator.generate(spec("edge", DataAggregationLevel.LOW, true));
    OpenMetricsText om = OpenMetricsText.parse(openMetrics(c));
    List<OpenMetricsText.Series> nodes = om.family(SimulatedCluster.KUBE_NODE_LABELS);
    // Every kube-state-metrics series twice, once per replica.
    assertEquals(
        Set.of("ksm-0", "ksm-1"),
        nodes.stream().map(s -> s.label("instance")).collect(Collectors.toSet()));
    assertEquals(
        2, nodes.stream().filter(s -> s.label(SimulatedCluster.ZONE_LABEL) == null).count());
    List<OpenMetricsText.Series> pods = om.family(SimulatedCluster.KUBE_POD_INFO);
    // cache-0 twice (two incarnations, two IPs) times two replicas.
    List<OpenMetricsText.Series> cache =
        pods.stream().filter(s -> s.label("pod").equals("cache-0")).toList();
    assertEquals(4, cache.size());
    assertEquals(2, cache.stream().map(s -> s.label("pod_ip")).distinct().count());
    assertEquals("StatefulSet", cache.get(0).label("created_by_kind"));
    // One pod name in two namespaces.
    Map<String, Set<String>> namespacesOfName = new HashMap<>();
    pods.forEach(
        s ->
            namespacesOfName
                .computeIfAbsent(s.label("pod"), k -> new HashSet<>())
                .add(s.label("namespace")));
    assertTrue(
        namespacesOfName.values().stream()
            .anyMatch(ns -> ns.equals(Set.of("app-server", "app-server-canary"))));
    // Pods that begin inside the span.
    assertTrue(
        pods.stream().anyMatch(s -> s.samples().get(0).timestamp() > c.start().getEpochSecond()));
    // A counter reset: some Retina series drops.
    List<OpenMetricsText.Series> retina = om.family(SimulatedCluster.RETINA_FORWARD_BYTES);
    assertTrue(retina.stream().anyMatch(SimulatorTest::hasDrop));
    assertTrue(retina.stream().allMatch(s -> s.label("source_zone") != null));
    assertTrue(
        retina.stream()
            .anyMatch(
                s ->
                    s.label("destination_ip").equals(Simulator.EXTERNAL_IP)
                        && s.label("destination_zone").equals(Zones.UNKNOWN)
                        && s.label("destination_podname").equals("unknown")));
    // IPs are unique among pods.
    assertEquals(
        pods.stream().map(s -> s.label("pod_ip")).distinct().count(),
        pods.stream().map(s -> s.label("uid")).distinct().count());
  }

  @Test
  void should_write_expected_json_whose_totals_add_up() throws IOException {
    SimulatedCluster c = Simulator.generate(spec("edge", DataAggregationLevel.HIGH, true));
    StringWriter w = new StringWriter();
    c.answer().writeExpectedJson(w);
    JsonNode json = new ObjectMapper().readTree(w.toString());
    assertEquals(1, json.get("schemaVersion").asInt());
    assertEquals("edge", json.get("scenario").asText());
    assertEquals("2024-06-01T10:00:00Z", json.get("window").get("start").asText());
    assertEquals("2024-06-01T12:00:00Z", json.get("window").get("end").asText());
    assertEquals("high", json.get("dataAggregationLevel").asText());
    assertTrue(json.get("nativeZones").asBoolean());
    List<TrafficRow> rows = c.answer().expected();
    assertEquals(rows.size(), json.get("rows").size());
    Map<String, Long> byLocality = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode r = json.get("rows").get(i);
      TrafficKey k = rows.get(i).key();
      assertEquals(k.source().namespace(), r.get("source_namespace").asText());
      assertEquals(k.source().name(), r.get("source_workload").asText());
      assertEquals(k.source().kind(), r.get("source_workload_kind").asText());
      assertEquals(k.destination().namespace(), r.get("destination_namespace").asText());
      assertEquals(k.destination().name(), r.get("destination_workload").asText());
      assertEquals(k.destination().kind(), r.get("destination_workload_kind").asText());
      assertEquals(k.sourceZone(), r.get("source_zone").asText());
      assertEquals(k.destinationZone(), r.get("destination_zone").asText());
      assertEquals(rows.get(i).locality().label(), r.get("locality").asText());
      assertEquals(rows.get(i).bytes(), r.get("bytes").asLong());
      byLocality.merge(r.get("locality").asText(), r.get("bytes").asLong(), Long::sum);
    }
    JsonNode totals = json.get("totals");
    long all = 0;
    for (Locality l : Locality.values()) {
      assertEquals(byLocality.getOrDefault(l.label(), 0L), totals.get(l.label()).asLong());
      all += totals.get(l.label()).asLong();
    }
    assertEquals(all, totals.get("all").asLong());
    assertEquals(total(rows), all);
  }

  @Test
  void should_keep_seed_small_and_churn_free() {
    SimulatedCluster c = Simulator.generate(spec("seed", DataAggregationLevel.LOW, false));
    Map<String, Integer> families = c.seriesCountByFamily();
    assertEquals(6, families.get(SimulatedCluster.KUBE_NODE_LABELS));
    assertEquals(16, families.get(SimulatedCluster.KUBE_POD_INFO));
    assertEquals(2, families.get(SimulatedCluster.KUBE_REPLICASET_OWNER));
    assertTrue(c.restarts().isEmpty());
    Set<String> zones =
        c.answer().expected().stream().map(r -> r.key().sourceZone()).collect(Collectors.toSet());
    assertEquals(Set.copyOf(Simulator.ZONES), zones);
  }

  private static boolean hasDrop(OpenMetricsText.Series s) {
    for (int i = 1; i < s.samples().size(); i++) {
      if (s.samples().get(i).value() < s.samples().get(i - 1).value()) {
        return true;
      }
    }
    return false;
  }

  private static long total(List<TrafficRow> rows) {
    return rows.stream().mapToLong(TrafficRow::bytes).sum();
  }
}
