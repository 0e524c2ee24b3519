package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up mistakes of issue 13, each as the edge cluster's OpenMetrics text broken the way a
 * real install breaks it, on a real Prometheus: every doctor check named here must catch its
 * mistake with the measured value and the exact fix.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DoctorSetupIT {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Clock CLOCK = Clock.fixed(END, ZoneOffset.UTC);
  private static final String FB = "networkobservability_adv_forward_bytes";
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SimulatedCluster cluster;
  private static String healthy;
  private static String nativeZones;

  @TempDir Path dir;

  @BeforeAll
  static void generate() throws Exception {
    cluster = edge(false);
    healthy = text(cluster);
    nativeZones = text(edge(true));
  }

  private static SimulatedCluster edge(boolean zones) {
    return Simulator.generate(
        SimulationSpec.builder("edge", END).hours(2).nativeZones(zones).seed(7).build());
  }

  private static String text(SimulatedCluster c) throws Exception {
    StringWriter w = new StringWriter();
    c.writeOpenMetrics(w);
    return w.toString();
  }

  // ------------------------------------------------------------ breaking the text

  private static List<String> lines(String text) {
    return new ArrayList<>(text.lines().toList());
  }

  private static String join(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  private static boolean retina(String l) {
    return l.startsWith(FB + "{");
  }

  /** Replaces every Retina series line by f(line), dropping it when f gives null. */
  private static String mapRetina(String text, java.util.function.UnaryOperator<String> f) {
    List<String> out = new ArrayList<>();
    for (String l : lines(text)) {
      String m = retina(l) ? f.apply(l) : l;
      if (m != null) {
        out.add(m);
      }
    }
    return join(out);
  }

  /** A new gauge family before "# EOF", one sample per scrape over the whole data. */
  private static String addFamily(
      String text, String family, List<String> labelSets, LongUnaryOperator valueAtStep) {
    StringBuilder sb = new StringBuilder("# TYPE " + family + " gauge\n");
    long t0 = cluster.dataStart().getEpochSecond();
    long steps = Duration.between(cluster.dataStart(), cluster.end()).getSeconds() / 60;
    for (String labels : labelSets) {
      for (long k = 0; k <= steps; k++) {
        sb.append(family)
            .append('{')
            .append(labels)
            .append("} ")
            .append(valueAtStep.applyAsLong(k))
            .append(' ')
            .append(t0 + 60 * k)
            .append('\n');
      }
    }
    return text.replace("# EOF\n", sb + "# EOF\n");
  }

  private static String label(String line, String name) {
    Matcher m = LABEL.matcher(line.substring(0, line.indexOf('}')));
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    return "";
  }

  private static TreeSet<String> values(String text, String family, String name) {
    TreeSet<String> out = new TreeSet<>();
    text.lines()
        .filter(l -> l.startsWith(family + "{"))
        .forEach(
            l -> {
              String v = label(l, name);
              if (!v.isEmpty()) {
                out.add(v);
              }
            });
    return out;
  }

  // ------------------------------------------------------------ running

  private CliRun doctor(String text, String... extra) throws Exception {
    try (PrometheusServer prom =
        PrometheusServer.start(
            java.nio.file.Files.createTempDirectory(dir, "prom"), w -> w.write(text))) {
      List<String> args = new ArrayList<>(List.of("doctor", "--prometheus-url", prom.url()));
      args.addAll(List.of(extra));
      return CliRun.run(CLOCK, args.toArray(String[]::new));
    }
  }

  private static Map<String, JsonNode> checks(CliRun run) throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode c : JSON.readTree(run.out()).get("checks")) {
      out.put(c.get("name").asText(), c);
    }
    return out;
  }

  private static JsonNode check(CliRun run, String name) throws Exception {
    JsonNode c = checks(run).get(name);
    assertTrue(c != null, "no check " + name + "\n" + run.describe());
    System.out.println(
        "[measured] " + name + " " + c.get("status").asText() + ": " + c.get("measured").asText());
    return c;
  }

  // ------------------------------------------------------------ tests

  @Test
  void yaml_is_the_json_document_on_a_real_prometheus() throws Exception {
    CliRun json = doctor(healthy, "-o", "json");
    CliRun yaml = doctor(healthy, "-o", "yaml");
    assertEquals(0, yaml.exitCode(), yaml.describe());
    assertEquals(
        JSON.readTree(json.out()),
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.out()),
        yaml.describe());
  }

  @Test
  void the_healthy_cluster_passes_every_new_check() throws Exception {
    CliRun run = doctor(healthy, "-o", "json");
    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("OK", check(run, "namespace labels").get("status").asText(), run.describe());
    assertEquals("INFO", check(run, "annotation mode").get("status").asText(), run.describe());
    assertEquals("OK", check(run, "scraped twice").get("status").asText(), run.describe());
    assertEquals("OK", check(run, "ksm labels").get("status").asText(), run.describe());
    assertEquals("INFO", check(run, "lost events").get("status").asText(), run.describe());
    assertEquals("OK", check(run, "filter map").get("status").asText(), run.describe());
    assertEquals("OK", check(run, "hubble").get("status").asText(), run.describe());
    // Every check carries its measured numbers in JSON.
    for (JsonNode c : JSON.readTree(run.out()).get("checks")) {
      assertTrue(c.has("numbers") && c.has("hints"), c.toString());
    }
    assertTrue(check(run, "retina metric").at("/numbers/series").asLong() > 0, run.describe());
  }

  @Test
  void should_fail_when_retina_series_have_no_namespace_labels() throws Exception {
    String text =
        mapRetina(
            healthy,
            l ->
                l.replaceAll("source_namespace=\"[^\"]*\",?", "")
                    .replaceAll("destination_namespace=\"[^\"]*\",?", "")
                    .replace(",}", "}"));
    CliRun run = doctor(text, "-o", "json");
    JsonNode c = check(run, "namespace labels");
    assertEquals("FAIL", c.get("status").asText(), run.describe());
    assertEquals(5, run.exitCode(), run.describe());
    assertEquals(
        c.at("/numbers/series").asLong(), c.at("/numbers/seriesWithoutNamespace").asLong());
    assertTrue(c.get("fix").asText().contains("[ip, namespace, podname, workload, zone]"));
  }

  @Test
  void should_warn_about_annotation_mode_on_a_retina_that_could_label_zones() throws Exception {
    String text =
        addFamily(
            healthy,
            "kube_pod_container_info",
            List.of(
                "namespace=\"kube-system\",pod=\"retina-agent-x1\",container=\"retina\","
                    + "image=\"ghcr.io/microsoft/retina/retina-agent:v1.2.6\",job=\"kube-state-metrics\""),
            k -> 1);
    CliRun run = doctor(text, "-o", "json");
    JsonNode c = check(run, "annotation mode");
    assertEquals("WARN", c.get("status").asText(), run.describe());
    assertTrue(c.get("measured").asText().contains("v1.2.6"), run.describe());
    assertTrue(c.get("fix").asText().contains("enableAnnotations=false"), run.describe());
  }

  @Test
  void should_warn_when_a_kubernetes_pods_job_scrapes_retina_too() throws Exception {
    List<String> out = new ArrayList<>();
    List<String> copies = new ArrayList<>();
    List<String> all = lines(healthy);
    for (int i = 0; i < all.size(); i++) {
      String l = all.get(i);
      out.add(l);
      if (retina(l)) {
        copies.add(
            l.replace("job=\"retina\"", "job=\"kubernetes-pods\"")
                .replaceFirst("instance=\"([^\"]*)\"", "instance=\"$1:10093\""));
        if (i + 1 == all.size() || !retina(all.get(i + 1))) {
          out.addAll(copies);
        }
      }
    }
    CliRun run = doctor(join(out), "-o", "json");
    JsonNode c = check(run, "scraped twice");
    // reports keep one job's copy (issue 29 row 5): a WARN, not a FAIL
    assertEquals("WARN", c.get("status").asText(), run.describe());
    assertEquals(
        c.at("/numbers/seriesByJob/retina").asLong(),
        c.at("/numbers/seriesByJob/kubernetes-pods").asLong());
    assertTrue(c.at("/numbers/duplicated").asLong() > 0);
    assertTrue(c.get("fix").asText().contains("action: drop"), run.describe());
  }

  @Test
  void should_warn_when_kube_state_metrics_labels_become_exported() throws Exception {
    List<String> out = new ArrayList<>();
    for (String l : lines(healthy)) {
      if (l.startsWith("kube_pod_info{") || l.startsWith("kube_replicaset_owner{")) {
        int close = l.indexOf('}');
        String labels =
            l.substring(0, close)
                .replaceAll("([{,])namespace=\"", "$1exported_namespace=\"")
                .replaceAll("([{,])pod=\"", "$1exported_pod=\"");
        l = labels + ",namespace=\"monitoring\",pod=\"kube-state-metrics-0\"" + l.substring(close);
      }
      out.add(l);
    }
    CliRun run = doctor(join(out), "-o", "json");
    JsonNode c = check(run, "ksm labels");
    // report reads the exported_ labels now: a set-up to fix, not a wrong report.
    assertEquals("WARN", c.get("status").asText(), run.describe());
    assertTrue(c.get("measured").asText().contains("namespace=\"monitoring\""), run.describe());
    assertTrue(c.get("measured").asText().contains("report reads exported_"), run.describe());
    assertTrue(c.get("fix").asText().contains("honorLabels=true"), run.describe());
  }

  @Test
  void should_warn_when_agents_lose_events() throws Exception {
    List<String> agents = new ArrayList<>(values(healthy, FB, "instance")).subList(0, 2);
    List<String> sets = new ArrayList<>();
    for (String a : agents) {
      sets.add("instance=\"" + a + "\",job=\"retina\",type=\"kernel\",reason=\"packetparser\"");
    }
    String text =
        addFamily(
            healthy, "controlplane_networkobservability_lost_events_counter", sets, k -> 50 * k);
    CliRun run = doctor(text, "-o", "json");
    JsonNode c = check(run, "lost events");
    assertEquals("WARN", c.get("status").asText(), run.describe());
    // 50 per minute over doctor's default one-hour window, per agent (increase extrapolates a
    // little).
    long lost = c.at("/numbers/lostEvents").asLong();
    assertTrue(lost >= 2 * 50 * 59 && lost <= 2 * 50 * 61, "lost " + lost);
    assertTrue(c.get("fix").asText().contains("packetParserRingBuffer"), run.describe());
  }

  @Test
  void should_fail_when_the_observed_pods_overflow_the_filter_map() throws Exception {
    CliRun run = doctor(healthy, "-o", "json", "--filter-map-max-entries", "8");
    JsonNode c = check(run, "filter map");
    assertEquals("FAIL", c.get("status").asText(), run.describe());
    assertTrue(c.at("/numbers/observedPods").asLong() > 8, run.describe());
    assertTrue(c.get("fix").asText().contains("filterMapMaxEntries"), run.describe());
    assertEquals(5, run.exitCode(), run.describe());
  }

  @Test
  void should_explain_hubble_metrics_without_pod_level_bytes() throws Exception {
    String text = join(lines(healthy).stream().filter(l -> !l.contains(FB)).toList());
    text =
        addFamily(
            text,
            "hubble_flows_processed_total",
            List.of("instance=\"node-1\",job=\"hubble\",type=\"L3_L4\",verdict=\"FORWARDED\""),
            k -> 1000 * k);
    CliRun run = doctor(text, "-o", "json");
    JsonNode c = check(run, "hubble");
    assertEquals("FAIL", c.get("status").asText(), run.describe());
    assertTrue(c.get("measured").asText().contains("hubble_flows_processed_total"));
    assertTrue(c.get("measured").asText().contains("no bytes between two pods"));
    assertTrue(c.get("fix").asText().contains("Standard control plane"));
  }

  @Test
  void should_catch_retina_zones_that_disagree_with_kube_state_metrics() throws Exception {
    List<String> zones = new ArrayList<>(values(nativeZones, FB, "source_zone"));
    zones.remove("unknown");
    Map<String, String> next = new LinkedHashMap<>();
    for (int i = 0; i < zones.size(); i++) {
      next.put(zones.get(i), zones.get((i + 1) % zones.size()));
    }
    String text =
        mapRetina(
            nativeZones,
            l -> {
              for (String side : List.of("source_zone", "destination_zone")) {
                String z = label(l, side);
                if (next.containsKey(z)) {
                  l = l.replace(side + "=\"" + z + "\"", side + "=\"" + next.get(z) + "\"");
                }
              }
              return l;
            });
    CliRun run = doctor(text, "-o", "json");
    JsonNode c = check(run, "zone agreement");
    assertEquals("FAIL", c.get("status").asText(), run.describe());
    assertEquals(c.at("/numbers/compared").asLong(), c.at("/numbers/disagreeing").asLong());
    // And the untouched native-zone cluster agrees.
    CliRun ok = doctor(nativeZones, "-o", "json");
    assertEquals("OK", check(ok, "zone agreement").get("status").asText(), ok.describe());
  }

  @Test
  void should_print_fix_hints_as_yaml_for_what_it_found() throws Exception {
    String text =
        mapRetina(
            healthy,
            l ->
                l.replaceAll("source_namespace=\"[^\"]*\",?", "")
                    .replaceAll("destination_namespace=\"[^\"]*\",?", "")
                    .replace(",}", "}"));
    CliRun run = doctor(text, "--fix-hints", "yaml");
    assertEquals(5, run.exitCode(), run.describe());
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(run.out())) {
      it.forEachRemaining(docs::add);
    }
    JsonNode values = docs.get(0);
    assertEquals(false, values.get("enableAnnotations").asBoolean(true), run.out());
    JsonNode mc = docs.get(1);
    assertEquals("MetricsConfiguration", mc.get("kind").asText(), run.out());
    assertTrue(
        mc.at("/spec/contextOptions/0/sourceLabels").toString().contains("namespace"), run.out());
  }

  // ------------------------------------------------------------ calibration against cAdvisor

  @Test
  void should_measure_two_observations_per_byte_at_low_against_cadvisor() throws Exception {
    String text = dev.zonecost.simulate.CadvisorSeries.withCadvisor(cluster, healthy);
    CliRun run = doctor(text, "-o", "json");
    JsonNode c = check(run, "observations");
    assertEquals("OK", c.get("status").asText(), run.describe());
    assertEquals("low", c.at("/numbers/impliedLevel").asText());
    double perByte = c.at("/numbers/observationsPerByte").asDouble();
    // The kernel counts 3% more (IPv6, ICMP): 2 / 1.03.
    assertTrue(perByte > 1.9 && perByte < 2.0, "per byte " + perByte);
    assertTrue(c.at("/numbers/perNode").size() > 1, run.describe());
  }

  @Test
  void should_warn_when_an_overlay_cni_makes_low_observe_once() throws Exception {
    // An overlay CNI: the host-interface copy carries node IPs, so at low each cross-node byte is
    // observed once per node, exactly as the simulator's high level has it.
    SimulatedCluster overlay =
        Simulator.generate(
            SimulationSpec.builder("edge", END)
                .hours(2)
                .level(DataAggregationLevel.HIGH)
                .seed(7)
                .build());
    String text = dev.zonecost.simulate.CadvisorSeries.withCadvisor(overlay, text(overlay));
    CliRun run = doctor(text, "-o", "json", "--data-aggregation-level", "low");
    JsonNode c = check(run, "observations");
    assertEquals("WARN", c.get("status").asText(), run.describe());
    assertEquals("high", c.at("/numbers/impliedLevel").asText());
    assertTrue(c.get("fix").asText().contains("--data-aggregation-level high"), run.describe());
    CliRun right = doctor(text, "-o", "json", "--data-aggregation-level", "high");
    assertEquals("OK", check(right, "observations").get("status").asText(), right.describe());
  }
}
