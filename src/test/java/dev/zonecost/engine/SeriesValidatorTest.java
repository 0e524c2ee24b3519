package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceBookLoader;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.prometheus.MalformedResponseException;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed answers are refused (exit 4 via MalformedResponseException), never counted. */
@Timeout(20)
class SeriesValidatorTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  /** A pod pair a -> b across zones z1 -> z2; what each query answers can be replaced. */
  private static final String LAST =
      "last_over_time(networkobservability_adv_forward_bytes{direction=~\"(?i)egress\"}[600s]";

  private static final class Fake implements PrometheusApi {
    final Map<String, List<Series>> byPrefix = new HashMap<>();

    Fake() {
      // the census: one series, no reset; its last value in the window's last 10 minutes
      byPrefix.put("resets(", List.of(forward(0)));
      byPrefix.put(LAST, List.of(forward(2000)));
      byPrefix.put(
          "max by (cluster, namespace, pod", List.of(pod("a", "p", "n1"), pod("b", "q", "n2")));
      byPrefix.put("max by (cluster, node", List.of(node("n1", "z1"), node("n2", "z2")));
      // The agent was scraped before the window: the pair's series was born inside it.
      byPrefix.put(
          "count by (cluster, instance)",
          List.of(
              new Series(Map.of("instance", "n1"), List.of(new Sample(END.toEpochMilli(), 1)))));
    }

    @Override
    public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
      byPrefix.entrySet().stream()
          .filter(e -> promql.startsWith(e.getKey()))
          .findFirst()
          .ifPresent(e -> e.getValue().forEach(sink));
      return new ResultInfo("vector", List.of(), List.of());
    }

    @Override
    public Optional<String> version() {
      return Optional.of("2.53.0");
    }
  }

  static Series forward(double value) {
    return new Series(
        Map.of(
            "direction", "EGRESS",
            "instance", "n1",
            "source_namespace", "a",
            "source_podname", "p",
            "destination_namespace", "b",
            "destination_podname", "q"),
        List.of(new Sample(END.toEpochMilli(), value)));
  }

  private static Series pod(String ns, String pod, String node) {
    return new Series(
        Map.of("namespace", ns, "pod", pod, "node", node),
        List.of(new Sample(END.toEpochMilli(), 1)));
  }

  private static Series node(String node, String zone) {
    return new Series(
        Map.of("node", node, "label_topology_kubernetes_io_zone", zone),
        List.of(new Sample(END.toEpochMilli(), 1)));
  }

  private static Report report(Fake api) {
    return new ReportService(
            api,
            EngineSettings.of(2),
            "test",
            new CostEstimator(PriceSelection.of(PriceBookLoader.loadDefault(), "aws", null)))
        .report(
            new EngineRequest(
                START,
                END,
                DedupeMode.EGRESS,
                DataAggregationLevel.LOW,
                Selection.ALL,
                GroupBy.WORKLOAD));
  }

  @Test
  void should_count_a_well_formed_answer() {
    Report r = report(new Fake());
    assertEquals(1000, r.rows().get(0).bytes());
  }

  @Test
  void should_refuse_the_same_series_twice_rather_than_double_it() {
    Fake api = new Fake();
    api.byPrefix.put(LAST, List.of(forward(2000), forward(2000)));
    var e = assertThrows(MalformedResponseException.class, () -> report(api));
    assertTrue(e.getMessage().contains("the same series twice"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, -5, Double.POSITIVE_INFINITY, 1e300})
  void should_refuse_a_value_no_byte_counter_has(double value) {
    Fake api = new Fake();
    api.byPrefix.put(LAST, List.of(forward(value)));
    var e = assertThrows(MalformedResponseException.class, () -> report(api));
    assertTrue(
        e.getMessage().startsWith("refusing the back end's answer: it holds the value "),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void should_refuse_a_node_with_two_zones() {
    Fake api = new Fake();
    List<Series> nodes = new ArrayList<>(api.byPrefix.get("max by (cluster, node"));
    nodes.add(node("n1", "z3"));
    api.byPrefix.put("max by (cluster, node", nodes);
    var e = assertThrows(MalformedResponseException.class, () -> report(api));
    assertTrue(
        e.getMessage().contains("gives node n1 2 zones in the window (z1, z3)"), e.getMessage());
  }

  @Test
  void should_escape_control_characters_of_labels_in_its_message() {
    Map<String, String> labels = new HashMap<>(forward(1).labels());
    labels.put("source_podname", "p\u001b[2J");
    Series evil = new Series(labels, List.of(new Sample(0, Double.NaN)));
    var e =
        assertThrows(
            MalformedResponseException.class,
            () ->
                SeriesValidator.check("x", List.of(evil), dev.zonecost.promql.MetricNames.DEFAULT));
    assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
    assertTrue(e.getMessage().contains("\\u001b[2J"), e.getMessage());
  }
}
