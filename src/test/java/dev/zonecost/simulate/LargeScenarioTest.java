package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's cluster: its shape at scale 1 (from the model, without writing it out) and, on a
 * scaled-down copy, that what it writes agrees with its counts and its expected answer.
 */
class LargeScenarioTest {

  private static final Instant END = Instant.parse("2024-06-01T12:00:00Z");

  private static SimulatedCluster large(int hours, double scale, long seed) {
    return Simulator.generate(
        SimulationSpec.builder(SimulationSpec.LARGE, END)
            .hours(hours)
            .seed(seed)
            .scale(scale)
            .build());
  }

  @Test
  void should_have_the_shape_issue_8_asks_for() {
    SimulatedCluster c = large(24, 1, 42);
    assertEquals(30, c.nodes().size());
    assertEquals(Set.of("us-east-1a", "us-east-1b", "us-east-1c"), zones(c));
    Set<WorkloadRef> workloads = c.pods().stream().map(Pod::workload).collect(Collectors.toSet());
    assertEquals(60, workloads.size());
    assertEquals(6, workloads.stream().map(WorkloadRef::namespace).distinct().count());
    long atStart = c.pods().stream().filter(p -> p.from() == 0).count();
    assertTrue(atStart > 1_200 && atStart < 1_800, atStart + " pods at the start");
    // A third of the Deployments roll: their pods are replaced at different times.
    Set<WorkloadRef> rolled =
        c.pods().stream().filter(p -> p.from() > 0).map(Pod::workload).collect(Collectors.toSet());
    assertEquals(20, rolled.size());
    Set<Integer> rolloutStarts = new HashSet<>();
    for (WorkloadRef w : rolled) {
      rolloutStarts.add(
          c.pods().stream()
              .filter(p -> p.workload().equals(w) && p.from() > 0)
              .mapToInt(Pod::from)
              .min()
              .orElseThrow());
    }
    assertTrue(rolloutStarts.size() > 10, "staggered: " + rolloutStarts);
    Set<Set<WorkloadRef>> edges = new HashSet<>();
    for (Flow f : c.flows()) {
      if (!f.peer().external()) {
        edges.add(Set.of(f.opener().workload(), f.peer().workload()));
      }
    }
    assertEquals(300, edges.size());
    assertEquals(2, c.restarts().size());
    // Service calls add the ClusterIP series on the client's node (and, at low, the pair leaving
    // it), plus kube-state-metrics' Services and EndpointSlices.
    assertTrue(c.seriesCount() > 8_000 && c.seriesCount() < 20_000, c.seriesCount() + " series");
    long throughServices = c.flows().stream().filter(f -> f.via() != null).count();
    assertTrue(
        throughServices > c.flows().size() / 4 && throughServices < c.flows().size() * 3 / 4,
        throughServices + " of " + c.flows().size() + " flows through Services");
    assertTrue(c.sampleCount() > 8_000_000, c.sampleCount() + " samples");
    assertTrue(
        edges.contains(
            Set.of(
                new WorkloadRef("app-client", "Deployment", "client"),
                new WorkloadRef("app-server", "Deployment", "server"))),
        "the field write-up's pair");
    Set<Locality> localities =
        c.answer().expected().stream().map(TrafficRow::locality).collect(Collectors.toSet());
    assertEquals(Set.of(Locality.values()), localities);
  }

  @Test
  void should_scale_pods_and_edges() {
    SimulatedCluster one = large(2, 1, 42);
    SimulatedCluster two = large(2, 2, 42);
    assertEquals(60, two.nodes().size());
    double pods = two.pods().size() / (double) one.pods().size();
    assertTrue(pods > 1.7 && pods < 2.3, "pods x" + pods);
    double flows = two.flows().size() / (double) one.flows().size();
    assertTrue(flows > 1.6 && flows < 2.4, "flows x" + flows);
  }

  @Test
  void should_write_what_it_counts_and_be_deterministic() throws IOException {
    SimulatedCluster c = large(1, 0.1, 7);
    StringWriter w = new StringWriter();
    c.writeOpenMetrics(w);
    OpenMetricsText om = OpenMetricsText.parse(w.toString());
    assertEquals(c.seriesCount(), om.series.size());
    assertEquals(c.sampleCount(), om.sampleCount());
    StringWriter again = new StringWriter();
    large(1, 0.1, 7).writeOpenMetrics(again);
    assertEquals(w.toString(), again.toString());
    // Writing draws the flows' bytes again: the expected answer does not change by it.
    assertEquals(large(1, 0.1, 7).answer().expected(), c.answer().expected());
    // IPs stay unique among pods whose lives overlap, also after the restarts.
    assertEquals(
        om.family(SimulatedCluster.KUBE_POD_INFO).size(),
        om.family(SimulatedCluster.KUBE_POD_INFO).stream()
            .map(s -> s.label("pod_ip"))
            .distinct()
            .count());
  }

  @Test
  void should_reject_a_scale_outside_large_or_out_of_range() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulationSpec.builder("edge", END).hours(2).seed(1).scale(2).build());
    assertThrows(IllegalArgumentException.class, () -> large(2, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> large(2, 17, 1));
    assertThrows(IllegalArgumentException.class, () -> large(2, Double.NaN, 1));
  }

  @Test
  void should_split_the_span_without_losing_bytes_where_nothing_begins() {
    SimulatedCluster c = large(2, 0.2, 3);
    Instant split = c.start().plus(Duration.ofMinutes(1));
    Map<Object, Long> sum = new java.util.HashMap<>();
    for (List<TrafficRow> part :
        List.of(c.answer().expected(c.start(), split), c.answer().expected(split, c.end()))) {
      part.forEach(r -> sum.merge(r.key(), r.bytes(), Long::sum));
    }
    Map<Object, Long> whole =
        c.answer().expected().stream()
            .collect(Collectors.toMap(TrafficRow::key, TrafficRow::bytes));
    assertEquals(whole, sum);
  }

  private static Set<String> zones(SimulatedCluster c) {
    return c.nodes().stream().map(ClusterModel.Node::zone).collect(Collectors.toSet());
  }
}
