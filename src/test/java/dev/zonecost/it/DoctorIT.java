package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * zonecost doctor on real Prometheus: the healthy edge cluster, and the same cluster broken by
 * post-processing its OpenMetrics text the way real set-ups are broken.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DoctorIT {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Clock CLOCK = Clock.fixed(END, ZoneOffset.UTC);
  private static final String ZONE = "label_topology_kubernetes_io_zone";
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SimulatedCluster cluster;
  private static String healthyText;

  @TempDir Path dir;

  @BeforeAll
  static void generate() throws Exception {
    cluster = Simulator.generate(SimulationSpec.builder("edge", END).hours(2).seed(7).build());
    StringWriter w = new StringWriter();
    cluster.writeOpenMetrics(w);
    healthyText = w.toString();
  }

  // ------------------------------------------------------------ post-processing

  private static String mapLines(String text, UnaryOperator<String> f) {
    return text.lines().map(f).filter(l -> l != null).collect(Collectors.joining("\n", "", "\n"));
  }

  /** Node names on kube_node_labels, and whether each has the zone label. */
  private static Map<String, Boolean> nodes(String text) {
    Map<String, Boolean> out = new HashMap<>();
    text.lines()
        .filter(l -> l.startsWith("kube_node_labels{"))
        .forEach(l -> out.put(label(l, "node"), l.contains(ZONE + "=")));
    return out;
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

  /** Drops the zone label from kube_node_labels lines of the given nodes. */
  private static String unlabel(String text, Set<String> which) {
    return mapLines(
        text,
        l ->
            l.startsWith("kube_node_labels{") && which.contains(label(l, "node"))
                ? l.replaceAll(ZONE + "=\"[^\"]*\",", "").replaceAll("," + ZONE + "=\"[^\"]*\"", "")
                : l);
  }

  /**
   * Imitates Retina in local context: only the local pod's labels (source_* renamed), no
   * destination_* labels, direction in lower case. Series that collapse into one keep the first.
   */
  private static String localContext(String text) {
    Map<String, String> claimedBy = new HashMap<>();
    return mapLines(
        text,
        l -> {
          if (!l.startsWith("networkobservability_adv_forward_bytes{")) {
            return l;
          }
          int close = l.indexOf('}');
          String original = l.substring(0, close);
          List<String> kept = new ArrayList<>();
          Matcher m = LABEL.matcher(original);
          while (m.find()) {
            String k = m.group(1);
            String v = m.group(2);
            if (k.startsWith("destination_")) {
              continue;
            }
            if (k.startsWith("source_")) {
              k = k.substring("source_".length());
            }
            if (k.equals("direction")) {
              v = v.toLowerCase(java.util.Locale.ROOT);
            }
            kept.add(k + "=\"" + v + "\"");
          }
          String id = "networkobservability_adv_forward_bytes{" + String.join(",", kept);
          if (!claimedBy.computeIfAbsent(id, x -> original).equals(original)) {
            return null;
          }
          return id + l.substring(close);
        });
  }

  // ------------------------------------------------------------ running

  private CliRun doctor(String text, String... extra) throws Exception {
    try (PrometheusServer prom = PrometheusServer.start(dir, w -> w.write(text))) {
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

  private static String status(Map<String, JsonNode> checks, String name) {
    return checks.get(name).get("status").asText();
  }

  // ------------------------------------------------------------ tests

  @Test
  void should_read_a_renamed_metric_and_zone_label_and_one_cluster_of_several() throws Exception {
    // Two clusters in one Prometheus (as Thanos holds them): "eu" with the renamed metric and
    // zone label, and a copy as "us"; --cluster eu must see eu's series only.
    String renamed =
        healthyText
            .replace("networkobservability_adv_forward_bytes", "retina_forward_bytes")
            .replace(ZONE, "label_zone");
    String eu =
        mapLines(renamed, l -> l.startsWith("#") ? l : l.replaceFirst("\\{", "{cluster=\"eu\","));
    String us =
        mapLines(
            renamed, l -> l.startsWith("#") ? null : l.replaceFirst("\\{", "{cluster=\"us\","));
    String both = eu.replace("# EOF\n", us.replace("# EOF\n", "") + "# EOF\n");
    CliRun run =
        doctor(
            both,
            "-o",
            "json",
            "--metric",
            "retina_forward_bytes",
            "--zone-label",
            "label_zone",
            "--cluster",
            "eu");
    Map<String, JsonNode> c = checks(run);
    long series =
        healthyText
            .lines()
            .filter(l -> l.startsWith("networkobservability_adv_forward_bytes{"))
            .map(l -> l.substring(0, l.lastIndexOf('}')))
            .distinct()
            .count();
    assertEquals("OK", status(c, "retina metric"), run.describe());
    assertTrue(
        c.get("retina metric").get("measured").asText().contains(series + " series"),
        run.describe());
    assertFalse(status(c, "node zones").equals("FAIL"), run.describe());
    CliRun none = doctor(both, "-o", "json", "--metric", "retina_forward_bytes", "--cluster", "ap");
    assertEquals(5, none.exitCode(), none.describe());
  }

  @Test
  void should_pass_the_healthy_edge_cluster_and_name_its_unlabelled_node() throws Exception {
    Set<String> bare = new TreeSet<>();
    nodes(healthyText)
        .forEach(
            (n, z) -> {
              if (!z) {
                bare.add(n);
              }
            });
    assertEquals(1, bare.size(), "the edge cluster has one node without a zone label");
    CliRun run = doctor(healthyText, "-o", "json");
    assertEquals(0, run.exitCode(), run.describe());
    Map<String, JsonNode> c = checks(run);
    assertEquals("OK", status(c, "prometheus"), run.describe());
    assertEquals("OK", status(c, "retina metric"), run.describe());
    assertEquals("OK", status(c, "remote context"), run.describe());
    assertEquals("OK", status(c, "direction"), run.describe());
    assertEquals("INFO", status(c, "native zones"), run.describe());
    assertEquals("WARN", status(c, "kube_pod_info"), "two KSM replicas\n" + run.describe());
    assertEquals("WARN", status(c, "node zones"), run.describe());
    assertTrue(
        c.get("node zones").get("measured").asText().contains(bare.iterator().next()),
        run.describe());
    assertEquals("OK", status(c, "replicaset owners"), run.describe());
    assertFalse(status(c, "zone coverage").equals("FAIL"), run.describe());
    assertEquals("OK", status(c, "data range"), run.describe());
  }

  @Test
  void should_print_a_table_with_fixes_and_warn_when_the_window_starts_before_the_data()
      throws Exception {
    CliRun run =
        doctor(
            healthyText,
            "--start",
            cluster.dataStart().minus(Duration.ofHours(1)).toString(),
            "--end",
            cluster.end().toString());
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("CHECK"), run.describe());
    assertTrue(run.out().matches("(?s).*data range\\s+WARN.*clips the window.*"), run.describe());
    // A start one look-behind after the oldest sample (one subquery step of slack at most).
    Instant safe = cluster.oldestForwardSample().plus(Duration.ofHours(1));
    assertTrue(
        run.out().contains("fix: start the window at or after " + safe)
            || run.out().contains("fix: start the window at or after " + safe.plusSeconds(60)),
        run.describe());
  }

  @Test
  void should_fail_with_the_ksm_allowlist_fix_when_no_node_has_a_zone() throws Exception {
    String text = unlabel(healthyText, nodes(healthyText).keySet());
    CliRun run = doctor(text, "-o", "json");
    assertEquals(5, run.exitCode(), run.describe());
    Map<String, JsonNode> c = checks(run);
    assertEquals("FAIL", status(c, "node zones"), run.describe());
    assertTrue(
        c.get("node zones")
            .get("fix")
            .asText()
            .contains("--metric-labels-allowlist=nodes=[topology.kubernetes.io/zone]"),
        run.describe());
    assertEquals("OK", status(c, "remote context"), run.describe());
  }

  @Test
  void should_fail_with_the_retina_fix_without_remote_context() throws Exception {
    CliRun run = doctor(localContext(healthyText), "-o", "json");
    assertEquals(5, run.exitCode(), run.describe());
    Map<String, JsonNode> c = checks(run);
    assertEquals("OK", status(c, "retina metric"), run.describe());
    assertEquals("FAIL", status(c, "remote context"), run.describe());
    String fix = c.get("remote context").get("fix").asText();
    assertTrue(fix.contains("remoteContext=true"), fix);
    assertTrue(fix.contains("destinationLabels"), fix);
    assertTrue(
        c.get("direction").get("measured").asText().contains("local context"), run.describe());
  }

  @Test
  void should_warn_and_list_the_nodes_when_half_of_them_lack_a_zone() throws Exception {
    List<String> labelled =
        nodes(healthyText).entrySet().stream()
            .filter(Map.Entry::getValue)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    Set<String> strip = new TreeSet<>();
    for (int i = 0; i < labelled.size(); i += 2) {
      strip.add(labelled.get(i));
    }
    String text = unlabel(healthyText, strip);
    Set<String> bare = new TreeSet<>();
    nodes(text)
        .forEach(
            (n, z) -> {
              if (!z) {
                bare.add(n);
              }
            });
    assertTrue(bare.size() * 2 >= nodes(text).size(), "at least half unlabelled: " + bare);
    CliRun run = doctor(text, "-o", "json");
    Map<String, JsonNode> c = checks(run);
    assertEquals("WARN", status(c, "node zones"), run.describe());
    String measured = c.get("node zones").get("measured").asText();
    for (String n : bare) {
      assertTrue(measured.contains(n), n + " listed\n" + run.describe());
    }
    // Whether the coverage alone fails depends on the traffic; the exit code must agree with it.
    boolean failed = status(c, "zone coverage").equals("FAIL");
    assertEquals(failed ? 5 : 0, run.exitCode(), run.describe());
    Files.writeString(dir.resolve("doctor.json"), run.out());
  }
}
