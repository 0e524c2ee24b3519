package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.prometheus.FakePrometheus;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.promql.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 26 item 7: the filter map, the annotation mode's fix and the metric's name in texts. */
class DoctorCorrectionsTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Instant START = END.minusSeconds(3600);
  private static final String R = "3600s";
  private static final Scope RENAMED =
      new Scope(new MetricNames("retina_bytes", "label_zone", "cluster"), null);

  @Test
  void filter_map_leaves_out_host_network_pods_which_retina_skips() {
    String q = FilterMapCheck.pods(Scope.ALL, List.of("shop"));
    assertEquals(
        "count(max by (namespace, pod) (kube_pod_info{namespace=~\"shop\","
            + " host_network!=\"true\"}))",
        q);
  }

  @Test
  void annotation_mode_fix_names_both_set_ups_that_give_the_fixed_labels() {
    FakePrometheus api = new FakePrometheus();
    DoctorContext ctx = new DoctorContext(api, START, END, 1);
    ctx.forwardSeries = 4;
    ctx.remoteContext = true;
    api.number(AnnotationModeCheck.fixedLabels(Scope.ALL, R), 4);
    api.series(
        AnnotationModeCheck.images(Scope.ALL, R),
        List.of(FakePrometheus.series(Map.of("image", "ghcr.io/microsoft/retina:v1.2.6"), 1)));
    CheckResult r = new AnnotationModeCheck().run(ctx);
    assertEquals(Status.WARN, r.status());
    assertTrue(r.fix().contains("enableAnnotations=false"), r.fix());
    assertTrue(r.fix().contains("MetricsConfiguration whose"), r.fix());
    assertTrue(r.fix().contains("add zone"), r.fix());
  }

  @Test
  void texts_name_the_users_metric_under_metric() {
    FakePrometheus api = new FakePrometheus();
    DoctorContext ctx = new DoctorContext(api, START, END, 1, RENAMED);
    CheckResult none = new ForwardBytesCheck().run(ctx);
    assertTrue(none.measured().startsWith("retina_bytes: no series"), none.measured());
    api.number(ForwardBytesCheck.query(RENAMED, R), 7);
    CheckResult some = new ForwardBytesCheck().run(ctx);
    assertEquals("retina_bytes: 7 series", some.measured());

    api.series(
        HubbleCheck.names(RENAMED, R),
        List.of(FakePrometheus.series(Map.of("__name__", "hubble_flows_processed_total"), 3)));
    ctx.forwardSeries = 0;
    CheckResult hubble = new HubbleCheck().run(ctx);
    assertTrue(hubble.measured().contains("no retina_bytes:"), hubble.measured());
    assertFalse(hubble.measured().contains("networkobservability"), hubble.measured());
  }
}
