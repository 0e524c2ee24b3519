package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.prometheus.FakePrometheus;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** doctor names each kind of malformed data a report would refuse. */
class DataSanityCheckTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final String R = "3600s";
  private static final Map<String, String> POD_PAIR =
      Map.of("source_podname", "p", "destination_podname", "q", "instance", "n1");

  private final FakePrometheus api = new FakePrometheus();
  private final DoctorContext ctx = new DoctorContext(api, END.minusSeconds(3600), END, 1);

  private CheckResult run() {
    ctx.forwardSeries = 1;
    return new DataSanityCheck().run(ctx);
  }

  @Test
  void should_pass_clean_data() {
    api.series(DataSanityCheck.largest(Scope.ALL, R), List.of(FakePrometheus.series(POD_PAIR, 10)));
    assertEquals(Status.OK, run().status());
  }

  @Test
  void should_fail_on_a_duplicated_series() {
    Series s = FakePrometheus.series(POD_PAIR, 10);
    api.series(DataSanityCheck.largest(Scope.ALL, R), List.of(s, s));
    CheckResult r = run();
    assertEquals(Status.FAIL, r.status());
    assertTrue(r.measured().startsWith("the same series twice"), r.measured());
  }

  @Test
  void should_fail_on_nan_infinite_negative_or_huge_values() {
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1e300}) {
      api.series(
          DataSanityCheck.largest(Scope.ALL, R), List.of(FakePrometheus.series(POD_PAIR, v)));
      assertEquals(Status.FAIL, run().status(), "value " + v);
    }
    api.series(DataSanityCheck.largest(Scope.ALL, R), List.of());
    api.series(
        DataSanityCheck.smallest(Scope.ALL, R), List.of(FakePrometheus.series(POD_PAIR, -3)));
    CheckResult negative = run();
    assertEquals(Status.FAIL, negative.status());
    assertTrue(negative.measured().contains("-3.0"), negative.measured());
  }

  @Test
  void should_fail_on_a_node_with_two_zones() {
    api.series(
        DataSanityCheck.nodeZones(Scope.ALL, R),
        List.of(
            FakePrometheus.series(
                Map.of("node", "n1", "label_topology_kubernetes_io_zone", "a"), 1),
            FakePrometheus.series(
                Map.of("node", "n1", "label_topology_kubernetes_io_zone", "b"), 1)));
    CheckResult r = run();
    assertEquals(Status.FAIL, r.status());
    assertTrue(r.measured().contains("node n1 2 zones"), r.measured());
  }
}
