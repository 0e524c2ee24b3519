package dev.zonecost.report;

import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import dev.zonecost.common.UsageException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.prometheus.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * {@code report --use-recording-rules}: what the recorded series of {@code zonecost rules} can
 * give, and their answers as rows. Cheap on long windows — one sample per pair and hour (the
 * roll-up) or interval instead of the raw counters — and as exact as the rules: built on {@code
 * query --grafana}'s join, so the caveats of that expression apply, and the window is rounded to
 * whole intervals.
 */
public final class RecordedRules {
  private RecordedRules() {}

  /**
   * What a recorded series cannot give: a cluster (the rules sum it away), pods or namespaces only
   * as groupings, and a dedupe rule other than the one the rules were made with.
   */
  public static void refuseUnsupported(EngineRequest request) {
    if (request.byCluster() || request.selection().cluster() != null) {
      throw new UsageException(
          "--use-recording-rules reads series without a cluster label: drop --by-cluster and"
              + " --cluster, or report from the raw series");
    }
    if (!request.source().equals("auto") && !request.source().equals("retina")) {
      throw new UsageException(
          "--use-recording-rules reads the series of `zonecost rules`, which are built on"
              + " Retina's: drop --source "
              + request.source());
    }
    if (request.groupBy() != dev.zonecost.accounting.GroupBy.WORKLOAD) {
      throw new UsageException(
          "--use-recording-rules has workload pairs only: drop --group-by "
              + request.groupBy().label());
    }
  }

  /** The rows of answers to {@link #query}, summed, with the workload regexes applied. */
  public static List<TrafficRow> rows(List<Series> answer, Selection selection) {
    BiPredicate<WorkloadRef, WorkloadRef> keep = selection.workloadFilter();
    // Recorded values are halves of whole bytes at level low: doubles add them exactly.
    Map<TrafficKey, Double> bytes = new HashMap<>();
    for (Series s : answer) {
      double v = s.samples().get(0).value();
      WorkloadRef src =
          new WorkloadRef(s.label("source_namespace"), "", s.label("source_workload"));
      WorkloadRef dst =
          new WorkloadRef(s.label("destination_namespace"), "", s.label("destination_workload"));
      if (!(v > 0) || !keep.test(src, dst)) {
        continue;
      }
      TrafficKey key =
          new TrafficKey(
              src,
              dst,
              Zones.normalize(s.label("source_zone")),
              Zones.normalize(s.label("destination_zone")));
      bytes.merge(key, v, Double::sum);
    }
    List<TrafficRow> rows = new ArrayList<>();
    bytes.forEach((k, b) -> rows.add(new TrafficRow(k, Math.round(b))));
    rows.sort(TrafficRow.DEFAULT_ORDER);
    return rows;
  }
}
