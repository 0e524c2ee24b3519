package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.TrafficRow;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulator's CronJob runs and kube-state-metrics scraped without honor_labels. */
class KsmSetUpsTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  private static SimulatedCluster edge(boolean cronJob, boolean exported) {
    return Simulator.generate(
        SimulationSpec.builder("edge", END)
            .seed(42)
            .cronJob(cronJob)
            .ksmExportedLabels(exported)
            .build());
  }

  @Test
  void a_cronjobs_runs_are_jobs_named_by_their_scheduled_minute_rolled_up_in_the_answer() {
    SimulatedCluster c = edge(true, false);
    List<ClusterModel.Series> owners =
        c.series().stream()
            .filter(s -> s.family().equals(SimulatedCluster.KUBE_JOB_OWNER))
            .toList();
    assertEquals(2 * c.jobs().size(), owners.size(), "one per Job and kube-state-metrics replica");
    for (ClusterModel.Job j : c.jobs()) {
      long minute = c.time(j.from()).getEpochSecond() / 60;
      assertEquals("backup-" + minute, j.name());
    }
    assertEquals(Set.of("app-batch/backup"), c.cronJobRuns(c.start(), c.end()).keySet());
    assertEquals(c.jobs().size(), c.cronJobRuns(c.start(), c.end()).get("app-batch/backup").size());
    List<TrafficRow> rows = c.answer().expected();
    assertTrue(rows.stream().anyMatch(r -> r.key().source().kind().equals("CronJob")));
    assertFalse(rows.stream().anyMatch(r -> r.key().source().name().startsWith("backup-")));
    for (ClusterModel.Pod p : c.pods()) {
      if (p.namespace().equals("app-batch")) {
        assertEquals("Job", p.ownerKind(), "Retina's workload_kind and created_by_kind");
      }
    }
  }

  @Test
  void without_honor_labels_kube_state_metrics_labels_are_renamed_and_the_answer_is_the_same() {
    SimulatedCluster plain = edge(true, false);
    SimulatedCluster exported = edge(true, true);
    assertEquals(plain.answer().expected(), exported.answer().expected());
    assertEquals(plain.seriesCount(), exported.seriesCount());
    for (ClusterModel.Series s : exported.series()) {
      if (s.family().equals(SimulatedCluster.KUBE_POD_INFO)) {
        assertEquals("monitoring", s.labels().get("namespace"));
        assertTrue(s.labels().get("pod").startsWith("kube-state-metrics-"));
        assertFalse(s.labels().get("exported_namespace").isEmpty());
        assertFalse(s.labels().get("exported_pod").isEmpty());
      }
      if (s.family().equals(SimulatedCluster.KUBE_NODE_LABELS)) {
        assertFalse(s.labels().containsKey("exported_namespace"), "nothing of its own to rename");
      }
    }
  }

  @Test
  void without_the_options_nothing_changes() {
    SimulatedCluster c = edge(false, false);
    assertTrue(c.jobs().isEmpty());
    assertFalse(c.seriesCountByFamily().containsKey(SimulatedCluster.KUBE_JOB_OWNER));
    assertFalse(c.series().stream().anyMatch(s -> s.labels().containsKey("exported_namespace")));
  }
}
