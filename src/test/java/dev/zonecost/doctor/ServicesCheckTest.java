package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.TrafficAggregator.Provenance;
import dev.zonecost.prometheus.FakePrometheus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How much traffic went through Services, and whether kube_service_info lets auto tell. */
class ServicesCheckTest {
  private final DoctorContext ctx =
      new DoctorContext(
          new FakePrometheus(),
          Instant.parse("2026-11-01T00:00:00Z"),
          Instant.parse("2026-11-01T01:00:00Z"),
          1);

  @Test
  void should_measure_the_share_sent_to_cluster_ips() {
    ctx.provenance = new Provenance(600, 300, 100, 250, 40, true);
    CheckResult r = new ServicesCheck().run(ctx);
    assertEquals(Status.OK, r.status());
    assertTrue(
        r.measured().startsWith("25.0% of the bytes went to a Service's ClusterIP"), r.measured());
  }

  @Test
  void should_warn_without_kube_service_info() {
    ctx.provenance = new Provenance(600, 300, 100, 0, 0, false);
    CheckResult r = new ServicesCheck().run(ctx);
    assertEquals(Status.WARN, r.status());
    assertTrue(r.fix().contains("collectors: services"), r.fix());
  }

  @Test
  void should_not_measure_without_attributed_traffic() {
    assertEquals(Status.INFO, new ServicesCheck().run(ctx).status());
  }
}
