package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.prometheus.FakePrometheus;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.RangeFunctions;
import dev.zonecost.promql.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 row 13: doctor follows {@code --source} (and auto's choice) — Retina's checks do not
 * FAIL a set-up whose reports read Beyla; a named source without data FAILs. Row 4: Services
 * without EndpointSlice series WARN, and the summary no longer says reports can be trusted.
 */
class DoctorSourceTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Instant START = END.minusSeconds(3600);
  private static final String BEYLA = "beyla_network_flow_bytes_total";

  private static FakePrometheus beylaOnly() {
    FakePrometheus api = new FakePrometheus();
    api.number(SourcesCheck.count(Scope.ALL.selector(BEYLA), "3600s"), 12);
    return api;
  }

  private static DoctorReport run(FakePrometheus api, String source) {
    DoctorContext ctx = new DoctorContext(api, START, END, 1).source(source);
    return Doctor.run(
        ctx,
        List.of(
            new SourcesCheck(),
            new ForwardBytesCheck(),
            new HubbleCheck(),
            new RemoteContextCheck()));
  }

  @Test
  void a_beyla_set_up_is_not_failed_for_having_no_retina_series() {
    for (String source : List.of("auto", "beyla")) {
      DoctorReport r = run(beylaOnly(), source);
      assertEquals(Status.INFO, r.result(RemoteContextCheck.NAME).status(), source + ": " + r);
      assertTrue(
          r.result(RemoteContextCheck.NAME).measured().contains("reports read beyla"),
          r.result(RemoteContextCheck.NAME).measured());
      assertTrue(!r.failed(), source + ": " + r);
    }
  }

  @Test
  void a_named_source_without_data_fails() {
    DoctorReport retina = run(beylaOnly(), "retina");
    assertEquals(Status.FAIL, retina.result(SourcesCheck.NAME).status(), retina.toString());
    assertEquals(Status.FAIL, retina.result(RemoteContextCheck.NAME).status());
    DoctorReport istio = run(beylaOnly(), "istio");
    assertEquals(Status.FAIL, istio.result(SourcesCheck.NAME).status());
    assertTrue(istio.result(SourcesCheck.NAME).measured().startsWith("--source istio: no istio"));
  }

  @Test
  void services_without_endpointslices_warn_and_reports_are_not_called_trusted() {
    FakePrometheus api = new FakePrometheus();
    api.number(RangeFunctions.countSeries(Scope.ALL.selector(LabelNames.SERVICE_INFO), "3600s"), 9);
    DoctorContext ctx = new DoctorContext(api, START, END, 1);
    DoctorReport r = Doctor.run(ctx, List.of(new EndpointSlicesCheck()));
    CheckResult c = r.result(EndpointSlicesCheck.NAME);
    assertEquals(Status.WARN, c.status(), c.toString());
    assertTrue(c.fix().contains("--resources=...,endpointslices"), c.fix());
    String table = DoctorRenderer.table(r);
    assertTrue(!table.contains("reports can be trusted"), table);
  }
}
