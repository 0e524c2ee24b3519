package dev.zonecost.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every YAML file in examples/ parses (all documents), and the set-up files say what they must. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("examples");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode d = it.next();
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          docs.add(d);
        }
      }
    }
    return docs;
  }

  @Test
  void every_yaml_file_parses() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(EXAMPLES)) {
      files = s.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList();
    }
    assertTrue(files.size() >= 5, "examples found: " + files);
    for (Path f : files) {
      assertFalse(documents(f).isEmpty(), f + " has no document");
    }
  }

  @Test
  void retina_values_turn_on_pod_level_remote_context() throws IOException {
    JsonNode v = documents(EXAMPLES.resolve("retina-values.yaml")).get(0);
    assertTrue(v.at("/operator/enabled").asBoolean());
    assertTrue(v.get("enablePodLevel").asBoolean());
    assertTrue(v.get("remoteContext").asBoolean());
    // Annotation mode would ignore the MetricsConfiguration (Retina v1.2.6 cmd/standard/daemon.go).
    assertFalse(v.get("enableAnnotations").asBoolean());
    assertEquals("low", v.get("dataAggregationLevel").asText());
    // Above Retina's default of 255 observed pod IPs.
    assertTrue(v.get("filterMapMaxEntries").asInt() > 255, v.toString());
  }

  @Test
  void every_example_header_names_the_versions_it_was_checked_against() throws IOException {
    for (String f :
        List.of(
            "retina-values.yaml",
            "metrics-configuration.yaml",
            "prometheus-scrape-retina.yaml",
            "kube-state-metrics-values.yaml")) {
      String text = Files.readString(EXAMPLES.resolve(f));
      assertTrue(text.matches("(?s).*[Cc]hecked against .*v\\d+\\.\\d+.*"), f);
    }
  }

  @Test
  void scrape_config_warns_about_the_kubernetes_pods_job_and_honors_ksm_labels()
      throws IOException {
    String text = Files.readString(EXAMPLES.resolve("prometheus-scrape-retina.yaml"));
    assertTrue(text.contains("kubernetes-pods"), "note on the chart-default job");
    boolean honored = false;
    for (JsonNode job :
        documents(EXAMPLES.resolve("prometheus-scrape-retina.yaml")).get(0).get("scrape_configs")) {
      honored |=
          job.get("job_name").asText().equals("kube-state-metrics")
              && job.path("honor_labels").asBoolean();
    }
    assertTrue(honored, "kube-state-metrics scraped with honor_labels: true");
  }

  @Test
  void metrics_configuration_labels_forward_bytes_with_both_pods_and_zones() throws IOException {
    JsonNode mc = documents(EXAMPLES.resolve("metrics-configuration.yaml")).get(0);
    assertEquals("MetricsConfiguration", mc.get("kind").asText());
    JsonNode forward = null;
    for (JsonNode o : mc.at("/spec/contextOptions")) {
      if (o.get("metricName").asText().equals("forward_bytes")) {
        forward = o;
      }
    }
    assertNotNull(forward, "forward_bytes configured");
    for (String side : List.of("sourceLabels", "destinationLabels")) {
      List<String> labels = new ArrayList<>();
      forward.get(side).forEach(l -> labels.add(l.asText()));
      assertTrue(
          labels.containsAll(List.of("ip", "namespace", "podname", "workload", "zone")),
          side + labels);
    }
    assertTrue(mc.at("/spec/namespaces/include").size() > 0);
  }

  @Test
  void kube_state_metrics_values_allow_the_zone_label() throws IOException {
    JsonNode v = documents(EXAMPLES.resolve("kube-state-metrics-values.yaml")).get(0);
    assertTrue(
        v.get("metricLabelsAllowlist")
            .get(0)
            .asText()
            .contains("nodes=[topology.kubernetes.io/zone"));
    assertEquals(
        "endpointslices=[kubernetes.io/service-name]",
        v.get("metricLabelsAllowlist").get(1).asText());
    List<String> collectors = new ArrayList<>();
    v.get("collectors").forEach(c -> collectors.add(c.asText()));
    assertTrue(
        collectors.containsAll(
            List.of("pods", "nodes", "replicasets", "services", "endpointslices")),
        collectors.toString());
    assertTrue(v.at("/prometheus/monitor/honorLabels").asBoolean());
  }

  @Test
  void scrape_config_names_instances_after_nodes() throws IOException {
    JsonNode job =
        documents(EXAMPLES.resolve("prometheus-scrape-retina.yaml")).get(0).at("/scrape_configs/0");
    boolean nodeAsInstance = false;
    for (JsonNode r : job.get("relabel_configs")) {
      nodeAsInstance |=
          r.path("target_label").asText().equals("instance")
              && r.get("source_labels").get(0).asText().equals("__meta_kubernetes_pod_node_name");
    }
    assertTrue(nodeAsInstance);
  }

  @Test
  void demo_workloads_spread_10_clients_and_6_servers_over_zones() throws IOException {
    List<JsonNode> docs = documents(EXAMPLES.resolve("demo-workloads.yaml"));
    int deployments = 0;
    int services = 0;
    for (JsonNode d : docs) {
      switch (d.get("kind").asText()) {
        case "Deployment" -> {
          deployments++;
          int want = d.at("/metadata/name").asText().equals("client") ? 10 : 6;
          assertEquals(want, d.at("/spec/replicas").asInt());
          assertEquals(
              "topology.kubernetes.io/zone",
              d.at("/spec/template/spec/topologySpreadConstraints/0/topologyKey").asText());
        }
        case "Service" -> services++;
        default -> {}
      }
    }
    assertEquals(2, deployments);
    assertEquals(2, services);
  }
}
