package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.prometheus.BackendUnreachableException;
import dev.zonecost.prometheus.FakePrometheus;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChecksTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Instant START = END.minusSeconds(3600);
  private static final String R = "3600s";

  private final FakePrometheus api = new FakePrometheus();

  @AfterEach
  void every_stub_was_asked() {
    api.assertEveryStubAsked();
  }

  private final DoctorContext ctx = new DoctorContext(api, START, END, 1);

  @Test
  void reachability_reports_the_version() {
    CheckResult r = new ReachabilityCheck().run(ctx);
    assertEquals(Status.OK, r.status());
    assertTrue(r.measured().contains("2.42.0"), r.measured());
  }

  @Test
  void reachability_is_info_without_buildinfo() {
    api.version = Optional.empty();
    assertEquals(Status.INFO, new ReachabilityCheck().run(ctx).status());
  }

  @Test
  void reachability_lets_an_unreachable_server_throw() {
    FakePrometheus down =
        new FakePrometheus() {
          @Override
          public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
            throw new BackendUnreachableException("connection refused");
          }
        };
    assertThrows(
        BackendUnreachableException.class,
        () -> new ReachabilityCheck().run(new DoctorContext(down, START, END, 1)));
  }

  @Test
  void forward_bytes_fails_without_series_and_counts_them_otherwise() {
    CheckResult none = new ForwardBytesCheck().run(ctx);
    assertEquals(Status.FAIL, none.status());
    assertTrue(none.fix().contains("enablePodLevel=true"), none.fix());
    api.number(ForwardBytesCheck.query(Scope.ALL, R), 120);
    CheckResult some = new ForwardBytesCheck().run(ctx);
    assertEquals(Status.OK, some.status());
    assertTrue(some.measured().contains("120 series"), some.measured());
  }

  @Test
  void remote_context_fails_with_the_retina_fix_when_no_series_names_both_pods() {
    ctx.forwardSeries = 10;
    CheckResult r = new RemoteContextCheck().run(ctx);
    assertEquals(Status.FAIL, r.status());
    assertTrue(r.fix().contains("remoteContext=true"), r.fix());
    assertTrue(r.fix().contains("metrics-configuration.yaml"), r.fix());
    api.number(RemoteContextCheck.query(Scope.ALL, R), 4);
    assertEquals(Status.WARN, new RemoteContextCheck().run(ctx).status());
    api.number(RemoteContextCheck.query(Scope.ALL, R), 10);
    assertEquals(Status.OK, new RemoteContextCheck().run(ctx).status());
    assertTrue(ctx.remoteContext);
  }

  @Test
  void direction_names_the_dedupe_it_implies() {
    ctx.forwardSeries = 10;
    api.series(
        DirectionCheck.query(Scope.ALL, R),
        List.of(
            FakePrometheus.series(Map.of("direction", "EGRESS"), 6),
            FakePrometheus.series(Map.of("direction", "INGRESS"), 4)));
    CheckResult both = new DirectionCheck().run(ctx);
    assertEquals(Status.OK, both.status());
    assertTrue(both.measured().contains("EGRESS=6, INGRESS=4"), both.measured());
    assertTrue(both.measured().contains("--dedupe auto"), both.measured());

    api.series(
        DirectionCheck.query(Scope.ALL, R),
        List.of(FakePrometheus.series(Map.of("direction", "INGRESS"), 4)));
    CheckResult ingressOnly = new DirectionCheck().run(ctx);
    assertEquals(Status.WARN, ingressOnly.status());
    assertTrue(ingressOnly.fix().contains("--dedupe auto counts the INGRESS"), ingressOnly.fix());

    api.series(
        DirectionCheck.query(Scope.ALL, R),
        List.of(FakePrometheus.series(Map.of("direction", "egress"), 4)));
    CheckResult local = new DirectionCheck().run(ctx);
    assertEquals(Status.WARN, local.status());
    assertTrue(local.measured().contains("local context"), local.measured());
  }

  @Test
  void native_zones_are_info_when_absent_and_ok_when_present() {
    ctx.forwardSeries = 10;
    assertEquals(Status.INFO, new NativeZoneCheck().run(ctx).status());
    assertFalse(ctx.nativeZones);
    api.number(NativeZoneCheck.query(Scope.ALL, R), 10);
    assertEquals(Status.OK, new NativeZoneCheck().run(ctx).status());
    assertTrue(ctx.nativeZones);
  }

  @Test
  void pod_info_fails_when_absent_and_warns_when_duplicated() {
    assertEquals(Status.FAIL, new PodInfoCheck().run(ctx).status());
    api.number(PodInfoCheck.seriesQuery(Scope.ALL, R), 40)
        .number(PodInfoCheck.podsQuery(Scope.ALL, R), 20);
    CheckResult dup = new PodInfoCheck().run(ctx);
    assertEquals(Status.WARN, dup.status());
    assertTrue(dup.fix().contains("folds"), dup.fix());
    api.number(PodInfoCheck.seriesQuery(Scope.ALL, R), 20);
    assertEquals(Status.OK, new PodInfoCheck().run(ctx).status());
  }

  @Test
  void pod_info_absent_is_only_a_warning_with_native_zones() {
    ctx.nativeZones = true;
    assertEquals(Status.WARN, new PodInfoCheck().run(ctx).status());
  }

  private void nodes(int labelled, int unlabelled, boolean legacy) {
    List<Series> s = new ArrayList<>();
    for (int i = 0; i < labelled; i++) {
      String key =
          legacy
              ? "label_failure_domain_beta_kubernetes_io_zone"
              : "label_topology_kubernetes_io_zone";
      s.add(FakePrometheus.series(Map.of("node", "zoned-" + i, key, "z" + i), 1));
    }
    for (int i = 0; i < unlabelled; i++) {
      s.add(FakePrometheus.series(Map.of("node", "bare-" + i), 1));
    }
    api.series(NodeZoneCheck.query(Scope.ALL, R), s);
  }

  @Test
  void node_zones_fail_with_the_ksm_allowlist_fix_when_no_node_has_one() {
    nodes(0, 3, false);
    CheckResult r = new NodeZoneCheck().run(ctx);
    assertEquals(Status.FAIL, r.status());
    assertTrue(
        r.fix().contains("--metric-labels-allowlist=nodes=[topology.kubernetes.io/zone]"), r.fix());
  }

  @Test
  void node_zones_warn_and_list_at_most_five_unlabelled_nodes() {
    nodes(2, 7, false);
    CheckResult r = new NodeZoneCheck().run(ctx);
    assertEquals(Status.WARN, r.status());
    assertTrue(r.measured().contains("2 of 9 nodes"), r.measured());
    assertTrue(
        r.measured().contains("bare-0, bare-1, bare-2, bare-3, bare-4 and 2 more"), r.measured());
    assertFalse(r.measured().contains("bare-5"), r.measured());
  }

  @Test
  void node_zones_accept_the_legacy_label() {
    nodes(3, 0, true);
    assertEquals(Status.OK, new NodeZoneCheck().run(ctx).status());
    assertTrue(ctx.nodeZones);
  }

  @Test
  void node_zones_absent_is_a_warning_when_retina_labels_zones() {
    ctx.nativeZones = true;
    nodes(0, 2, false);
    assertEquals(Status.WARN, new NodeZoneCheck().run(ctx).status());
  }

  @Test
  void replicaset_owners_warn_when_absent() {
    CheckResult r = new ReplicaSetOwnerCheck().run(ctx);
    assertEquals(Status.WARN, r.status());
    assertTrue(r.measured().contains("by name only"), r.measured());
    api.number(ReplicaSetOwnerCheck.query(Scope.ALL, R), 3);
    assertEquals(Status.OK, new ReplicaSetOwnerCheck().run(ctx).status());
  }

  private static TrafficRow row(String sz, String dz, long bytes) {
    WorkloadRef a = new WorkloadRef("ns", "Deployment", "a");
    return new TrafficRow(new TrafficKey(a, a, sz, dz), bytes);
  }

  @Test
  void attribution_thresholds() {
    assertEquals(
        Status.OK,
        AttributionCheck.judge(List.of(row("a", "b", 95), row("a", "unknown", 5))).status());
    CheckResult warn = AttributionCheck.judge(List.of(row("a", "a", 80), row("unknown", "a", 20)));
    assertEquals(Status.WARN, warn.status());
    assertTrue(warn.measured().startsWith("80.0% of 100 bytes"), warn.measured());
    assertEquals(
        Status.FAIL, AttributionCheck.judge(List.of(row("a", "a", 40), row("", "a", 60))).status());
    assertEquals(Status.WARN, AttributionCheck.judge(List.of()).status());
  }

  @Test
  void attribution_is_not_measured_without_pairs_or_zones() {
    assertEquals(Status.INFO, new AttributionCheck().run(ctx).status());
    ctx.forwardSeries = 3;
    ctx.remoteContext = true;
    assertEquals(Status.INFO, new AttributionCheck().run(ctx).status());
  }

  @Test
  void retention_warns_when_the_data_begins_after_the_window_start() {
    ctx.forwardSeries = 3;
    String q =
        RetentionCheck.query(Scope.ALL, R, RetentionCheck.step(java.time.Duration.ofHours(1)));
    api.number(q, START.plusSeconds(1800).getEpochSecond());
    CheckResult late = new RetentionCheck().run(ctx);
    assertEquals(Status.WARN, late.status());
    // A safe start is one look-behind after the oldest sample, not the oldest sample itself.
    assertTrue(late.fix().contains("--start " + START.plusSeconds(1800 + 3600)), late.fix());
    api.number(q, START.getEpochSecond());
    assertEquals(Status.OK, new RetentionCheck().run(ctx).status());
  }

  @Test
  void retention_step_is_at_least_a_minute_and_scales_with_the_window() {
    assertEquals(
        java.time.Duration.ofMinutes(1), RetentionCheck.step(java.time.Duration.ofHours(1)));
    assertEquals(
        java.time.Duration.ofSeconds(1209), RetentionCheck.step(java.time.Duration.ofDays(7)));
  }

  @Test
  void a_fail_anywhere_fails_the_report_and_json_carries_every_check() {
    DoctorReport report =
        new DoctorReport(
            START,
            END,
            List.of(CheckResult.ok("a", "fine"), CheckResult.fail("b", "broken", "do X")));
    assertTrue(report.failed());
    String table = DoctorRenderer.table(report);
    assertTrue(table.contains("fix: do X"), table);
    String json = DoctorRenderer.json(report);
    assertTrue(json.contains("\"status\" : \"FAIL\""), json);
  }
}
