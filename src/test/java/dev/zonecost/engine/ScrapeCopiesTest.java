package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.PodDirectory;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.prometheus.Labels;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.source.QuerySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 row 5: Retina scraped twice (the pod-annotation job and the chart's ServiceMonitor).
 * Which labels identify a series: everything but the scrape's labels, plus the agent's node — so
 * the double scrape's copies collapse, while two agents' copies of one flow and a replaced agent
 * pod's two series of one job stay apart.
 */
class ScrapeCopiesTest {
  private static final String METRIC = "networkobservability_adv_forward_bytes";
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private static Map<String, String> flow(String node) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("direction", "EGRESS");
    l.put("source_namespace", "shop");
    l.put("source_podname", "api-1");
    l.put("source_ip", "10.1.0.5");
    l.put("destination_namespace", "db");
    l.put("destination_podname", "db-0");
    l.put("destination_ip", "10.1.1.7");
    l.put("instance", node);
    l.put("job", "retina-pods");
    return l;
  }

  /** The same series as the chart's ServiceMonitor stores it (prometheus-operator's labels). */
  private static Map<String, String> viaServiceMonitor(Map<String, String> l, String instance) {
    Map<String, String> m = new LinkedHashMap<>(l);
    m.put("instance", instance);
    m.put("job", "retina-svc");
    m.put("service", "retina-svc");
    m.put("endpoint", "retina");
    m.put("container", "retina");
    m.put("namespace", "kube-system");
    m.put("pod", "retina-agent-" + l.get("instance"));
    return m;
  }

  private static Map<Labels, Map<String, String>> byId(List<Map<String, String>> series) {
    Map<Labels, Map<String, String>> out = new LinkedHashMap<>();
    series.forEach(l -> out.put(TrafficEngine.identity(new TreeMap<>(l)), l));
    return out;
  }

  private static ScrapeCopies copies() {
    PodDirectory d = new PodDirectory();
    d.addNodeAddress("", "10.0.0.1", "node-a");
    d.addNodeAddress("", "10.0.0.2", "node-b");
    return new ScrapeCopies(d, "cluster");
  }

  @Test
  void should_keep_two_agents_copies_of_one_flow_and_a_replaced_agent_pods_series() {
    Map<String, String> a = viaServiceMonitor(flow("node-a"), "node-a");
    Map<String, String> b = viaServiceMonitor(flow("node-b"), "node-b");
    Map<String, String> replaced = new LinkedHashMap<>(a);
    replaced.put("pod", "retina-agent-new");
    Map<Labels, Map<String, String>> series = byId(List.of(a, b, replaced));
    ScrapeCopies c = copies();
    c.keepOneScrape(series);
    assertEquals(3, series.size(), "one job: nothing is a scrape's copy");
    assertEquals(List.of(), c.notes("retina"));
  }

  @Test
  void should_keep_one_jobs_copy_of_series_that_differ_only_by_the_scrapes_labels() {
    List<Map<String, String>> all = new ArrayList<>();
    all.add(flow("node-a"));
    all.add(flow("node-b"));
    all.add(viaServiceMonitor(flow("node-a"), "node-a"));
    // the instance as a target address: the node's IP and the agent's port
    all.add(viaServiceMonitor(flow("node-b"), "10.0.0.2:10093"));
    // a pod-level series only the ServiceMonitor scraped is no copy
    Map<String, String> only = viaServiceMonitor(flow("node-a"), "node-a");
    only.put("destination_podname", "db-1");
    all.add(only);
    Map<Labels, Map<String, String>> series = byId(all);
    ScrapeCopies c = copies();
    c.keepOneScrape(series);
    assertEquals(3, series.size(), series.toString());
    assertTrue(series.containsValue(only), "kept: " + series);
    long svc = series.values().stream().filter(l -> l.get("job").equals("retina-svc")).count();
    assertEquals(3, svc, "the job with the most series kept for the repeated ones: " + series);
    String note = c.notes("retina").get(0);
    assertTrue(note.startsWith(EngineResult.SET_UP_NOTE), note);
    assertTrue(note.contains("2 series that repeat another job's"), note);
    assertTrue(note.contains("job \"retina-svc\" kept"), note);
  }

  /** The engine on a store where every series exists twice: the rows of the store without. */
  @Test
  void a_report_of_a_double_scraped_retina_has_the_single_scrapes_rows_and_says_so() {
    List<Series> once = new ArrayList<>();
    List<Series> twice = new ArrayList<>();
    for (String node : List.of("node-a", "node-b")) {
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i <= 180; i++) {
        samples.add(new Sample(START.toEpochMilli() + i * 60_000L, 1_000.0 * i * i));
      }
      Map<String, String> l = flow(node);
      l.put("__name__", METRIC);
      once.add(new Series(l, samples));
      twice.add(new Series(l, samples));
      twice.add(new Series(viaServiceMonitor(l, node), samples));
    }
    EngineResult single = run(once);
    EngineResult doubled = run(twice);
    assertTrue(!single.rows().isEmpty());
    assertEquals(rows(single), rows(doubled));
    assertTrue(doubled.sourceNotes().toString().contains("retina is scraped by 2 jobs"));
    assertEquals(List.of(), single.sourceNotes());
  }

  private static Map<TrafficKey, Long> rows(EngineResult r) {
    Map<TrafficKey, Long> out = new HashMap<>();
    for (TrafficRow row : r.rows()) {
      out.put(row.key(), row.bytes());
    }
    return out;
  }

  private static EngineResult run(List<Series> store) {
    EngineRequest request =
        new EngineRequest(
            START.plus(Duration.ofHours(1)),
            START.plus(Duration.ofHours(3)),
            DedupeMode.NONE,
            DataAggregationLevel.LOW,
            Selection.ALL,
            GroupBy.POD,
            MetricNames.DEFAULT,
            false,
            QuerySettings.DEFAULT_LOOK_BEHIND,
            "retina");
    return new TrafficEngine(
            new SampleStoreApi(store, METRIC, false), 2, Duration.ofHours(1), Progress.NONE)
        .run(request);
  }
}
