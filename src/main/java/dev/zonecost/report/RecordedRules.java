package dev.zonecost.report;

import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import dev.zonecost.common.UsageException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.monitoring.Expressions;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Series;
import dev.zonecost.source.retina.PromqlStrings;
import dev.zonecost.time.TimeParsing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * {@code report --use-recording-rules}: the rows from the per-pair series that {@code zonecost
 * rules} records ({@code zonecost:retina_pair_zone_bytes:increase<interval>}, one sample per
 * interval holding the bytes of the interval that ends at it), summed over the window by one
 * instant query. Cheap on long windows — it reads one sample per pair and interval instead of the
 * raw counters — and as exact as the rules: built on {@code query --grafana}'s join, so the caveats
 * of that expression apply, and the window is rounded to whole intervals.
 */
public final class RecordedRules {
  private RecordedRules() {}

  /** The series name for rules evaluated every {@code interval}. */
  public static String series(Duration interval) {
    return Expressions.PAIR_BYTES + TimeParsing.format(interval);
  }

  /**
   * The window's bytes per workload and zone pair: the samples whose intervals end in (start, end].
   * On servers whose ranges include their start (Prometheus 2) the range is 1 ms shorter, so a
   * sample exactly at the window's start (its interval ends there) stays out.
   */
  public static String query(
      Selection selection, Duration interval, Duration window, boolean leftOpen) {
    List<String> m = new ArrayList<>();
    add(m, "source_namespace=~", selection.sourceNamespaceRegex());
    add(m, "destination_namespace=~", selection.destinationNamespaceRegex());
    add(m, "source_namespace!~", selection.excludeSourceNamespaceRegex());
    add(m, "destination_namespace!~", selection.excludeDestinationNamespaceRegex());
    Duration range = leftOpen ? window : window.minusMillis(1);
    return "sum by (source_namespace, source_workload, source_zone, destination_namespace,"
        + " destination_workload, destination_zone) (sum_over_time("
        + series(interval)
        + (m.isEmpty() ? "" : "{" + String.join(", ", m) + "}")
        + "["
        + PromqlStrings.duration(range)
        + "]))";
  }

  private static void add(List<String> matchers, String matcher, String value) {
    if (value != null) {
      matchers.add(matcher + PromqlStrings.quote(value));
    }
  }

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
    if (request.groupBy() != dev.zonecost.accounting.GroupBy.WORKLOAD) {
      throw new UsageException(
          "--use-recording-rules has workload pairs only: drop --group-by "
              + request.groupBy().label());
    }
  }

  /** The rows of an answer to {@link #query}, with the workload regexes applied. */
  public static List<TrafficRow> rows(List<Series> answer, Selection selection) {
    BiPredicate<WorkloadRef, WorkloadRef> keep = selection.workloadFilter();
    Map<TrafficKey, Long> bytes = new HashMap<>();
    for (Series s : answer) {
      double v = s.samples().get(0).value();
      if (!(v > 0)) {
        continue;
      }
      WorkloadRef src =
          new WorkloadRef(s.label("source_namespace"), "", s.label("source_workload"));
      WorkloadRef dst =
          new WorkloadRef(s.label("destination_namespace"), "", s.label("destination_workload"));
      if (!keep.test(src, dst)) {
        continue;
      }
      TrafficKey key =
          new TrafficKey(
              src,
              dst,
              Zones.normalize(s.label("source_zone")),
              Zones.normalize(s.label("destination_zone")));
      bytes.merge(key, Math.round(v), Long::sum);
    }
    List<TrafficRow> rows = new ArrayList<>();
    bytes.forEach((k, b) -> rows.add(new TrafficRow(k, b)));
    rows.sort(TrafficRow.DEFAULT_ORDER);
    return rows;
  }

  /** Reads the window's rows from the recorded series. */
  public static List<TrafficRow> read(
      PrometheusApi api, EngineRequest request, Duration interval, boolean leftOpen) {
    refuseUnsupported(request);
    String q =
        query(
            request.selection(),
            interval,
            Duration.between(request.start(), request.end()),
            leftOpen);
    return rows(api.query(q, request.end()).series(), request.selection());
  }
}
