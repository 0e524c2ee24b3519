package dev.zonecost.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.WorkloadResolver;
import dev.zonecost.common.NoDataException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.EngineResult;
import dev.zonecost.engine.KubeJoin;
import dev.zonecost.prometheus.FakePrometheus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 26 items 4 and 5: a join that names no pod, exported_* labels, CronJobs, set rollouts. */
class KubeJoinTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Instant START = END.minusSeconds(3600);
  private static final EngineRequest REQUEST =
      new EngineRequest(
          START, END, DedupeMode.AUTO, DataAggregationLevel.LOW, Selection.ALL, GroupBy.WORKLOAD);

  private static EngineResult result(long byKsm, long without, KubeJoin kube) {
    return new EngineResult(
        List.of(),
        new TrafficAggregator.Stats(4, 2, 0, 0, byKsm, without, 0, 0, 0, null),
        0,
        "",
        false,
        List.of(),
        List.of(),
        WindowEdges.unclipped(START),
        Map.of(),
        null,
        "retina",
        List.of(),
        kube,
        Map.of());
  }

  @Test
  void should_refuse_a_report_whose_pods_join_none_of_kube_state_metrics() {
    NoDataException none =
        assertThrows(
            NoDataException.class,
            () ->
                ReportService.refuseUnjoined(
                    REQUEST, result(0, 8, new KubeJoin(30, 0, 6, List.of()))));
    assertTrue(
        none.getMessage().contains("none of the pods in the traffic joins"), none.getMessage());
    assertTrue(none.getMessage().contains("honorLabels"), none.getMessage());
    assertTrue(!none.getMessage().contains("\n"));
    NoDataException zones =
        assertThrows(
            NoDataException.class,
            () ->
                ReportService.refuseUnjoined(
                    REQUEST, result(0, 8, new KubeJoin(30, 0, 0, List.of()))));
    assertTrue(zones.getMessage().contains("no node has a zone"), zones.getMessage());
    // One end zoned: a measurement; no kube-state-metrics at all: Retina's zones or nothing.
    assertDoesNotThrow(
        () ->
            ReportService.refuseUnjoined(REQUEST, result(1, 8, new KubeJoin(30, 0, 6, List.of()))));
    assertDoesNotThrow(() -> ReportService.refuseUnjoined(REQUEST, result(0, 8, KubeJoin.NONE)));
  }

  @Test
  void should_say_when_labels_were_read_from_exported_twins_and_how_to_fix_the_scrape() {
    List<String> notes = ReportBuilder.kubeNotes(new KubeJoin(30, 30, 6, List.of()), List.of());
    assertEquals(1, notes.size());
    assertTrue(notes.get(0).contains("exported_namespace"), notes.get(0));
    assertTrue(notes.get(0).contains("honorLabels: true"), notes.get(0));
    assertEquals(List.of(), ReportBuilder.kubeNotes(new KubeJoin(30, 0, 6, List.of()), List.of()));
  }

  @Test
  void should_count_the_runs_of_the_cronjobs_the_rows_name() {
    WorkloadRef backup = new WorkloadRef("ops", "CronJob", "backup");
    WorkloadRef other = new WorkloadRef("ops", "CronJob", "report");
    var runs =
        List.of(
            new WorkloadResolver.CronJobRuns(backup, List.of("backup-1", "backup-2"), true),
            new WorkloadResolver.CronJobRuns(other, List.of("report-1"), false));
    List<TrafficRow> rows =
        List.of(
            new TrafficRow(
                new TrafficKey(backup, new WorkloadRef("db", "StatefulSet", "pg"), "a", "b"), 10));
    assertEquals(List.of(runs.get(0)), ReportBuilder.rollupsOfRows(runs, rows));
    List<String> notes = ReportBuilder.kubeNotes(new KubeJoin(3, 0, 1, runs), rows);
    assertEquals(
        List.of(
            "2 Jobs rolled up into 1 CronJobs (kube_job_owner); runs per CronJob in the JSON's"
                + " metadata.rollups"),
        notes);
  }

  @Test
  void should_find_statefulset_and_daemonset_rollouts_by_their_pods_creation_times() {
    FakePrometheus api = new FakePrometheus();
    Duration w = Duration.between(START, END);
    api.series(RolloutReader.ownerQuery("cluster", w), List.of());
    api.series(RolloutReader.createdQuery("cluster", w), List.of());
    api.series(
        RolloutReader.podsCreatedQuery("cluster", w, START),
        List.of(
            FakePrometheus.series(
                Map.of("namespace", "db", "pod", "pg-1"), START.plusSeconds(900).getEpochSecond()),
            FakePrometheus.series(
                Map.of("namespace", "db", "pod", "pg-0"), START.plusSeconds(600).getEpochSecond()),
            FakePrometheus.series(
                Map.of("namespace", "kube-system", "pod", "agent-x"),
                START.plusSeconds(60).getEpochSecond()),
            FakePrometheus.series(
                Map.of("namespace", "web", "pod", "web-abc"),
                START.plusSeconds(60).getEpochSecond())));
    api.series(
        RolloutReader.setPodsQuery("cluster", w),
        List.of(
            FakePrometheus.series(
                Map.of(
                    "namespace",
                    "db",
                    "pod",
                    "pg-0",
                    "owner_kind",
                    "StatefulSet",
                    "owner_name",
                    "pg"),
                1),
            FakePrometheus.series(
                Map.of(
                    "namespace",
                    "db",
                    "pod",
                    "pg-1",
                    "owner_kind",
                    "StatefulSet",
                    "owner_name",
                    "pg"),
                1),
            FakePrometheus.series(
                Map.of(
                    "namespace",
                    "kube-system",
                    "pod",
                    "agent-x",
                    "owner_kind",
                    "DaemonSet",
                    "owner_name",
                    "agent"),
                1),
            FakePrometheus.series(
                Map.of(
                    "namespace",
                    "db",
                    "pod",
                    "old-0",
                    "owner_kind",
                    "StatefulSet",
                    "owner_name",
                    "old"),
                1)));
    List<Rollout> found = RolloutReader.read(api, REQUEST);
    assertEquals(
        List.of(
            new Rollout(
                new WorkloadRef("kube-system", "DaemonSet", "agent", ""),
                "agent-x",
                START.plusSeconds(60)),
            new Rollout(
                new WorkloadRef("db", "StatefulSet", "pg", ""), "pg-0", START.plusSeconds(600))),
        found);
    assertTrue(found.get(1).of(new WorkloadRef("db", "StatefulSet", "pg")));
    assertTrue(!found.get(1).of(new WorkloadRef("db", "Deployment", "pg")));
    assertTrue(RolloutReader.setPodsQuery("cluster", w).contains("\"exported_pod\""));
  }
}
