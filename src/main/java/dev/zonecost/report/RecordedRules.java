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
import dev.zonecost.prometheus.QueryResult;
import dev.zonecost.prometheus.Series;
import dev.zonecost.source.retina.PromqlStrings;
import dev.zonecost.time.TimeParsing;
import java.time.Duration;
import java.time.Instant;
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
   * The bytes per workload and zone pair of {@code series}' samples in ({@code at} − {@code span},
   * {@code at}]: on servers whose ranges include their start (Prometheus 2) the range is 1 ms
   * shorter, so a sample exactly at the start (its interval ends there) stays out.
   */
  public static String query(
      Selection selection, String series, Duration span, Instant at, boolean leftOpen) {
    Duration range = leftOpen ? span : span.minusMillis(1);
    return "sum by (source_namespace, source_workload, source_zone, destination_namespace,"
        + " destination_workload, destination_zone) (sum_over_time("
        + selector(selection, series)
        + "["
        + PromqlStrings.duration(range)
        + "] @ "
        + PromqlStrings.unixSeconds(at)
        + "))";
  }

  /** The newest sample time of the hourly roll-up in the hour before the instant asked at. */
  public static String newestRollup(Selection selection, String rollup) {
    return "max(max_over_time(timestamp(" + selector(selection, rollup) + ")[1h:1m]))";
  }

  /** How many hourly samples the roll-up's fullest series has in the span before {@code at}. */
  public static String rollupCount(
      Selection selection, String rollup, Duration span, Instant at, boolean leftOpen) {
    Duration range = leftOpen ? span : span.minusMillis(1);
    return "max(count_over_time("
        + selector(selection, rollup)
        + "["
        + PromqlStrings.duration(range)
        + "] @ "
        + PromqlStrings.unixSeconds(at)
        + "))";
  }

  private static String selector(Selection selection, String series) {
    List<String> m = new ArrayList<>();
    add(m, "source_namespace=~", selection.sourceNamespaceRegex());
    add(m, "destination_namespace=~", selection.destinationNamespaceRegex());
    add(m, "source_namespace!~", selection.excludeSourceNamespaceRegex());
    add(m, "destination_namespace!~", selection.excludeDestinationNamespaceRegex());
    return series + (m.isEmpty() ? "" : "{" + String.join(", ", m) + "}");
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

  /** The queries one window took, and the series they answered with. */
  public record Answer(List<String> queries, List<Series> series, List<String> warnings) {}

  /**
   * Reads the window (start, end]: the hourly roll-up for its whole hours where the rules have one
   * (one sample an hour), the per-interval series for the edges before and after them, or for the
   * whole window when there is no roll-up.
   */
  public static Answer read(
      PrometheusApi api, EngineRequest request, Duration interval, boolean leftOpen) {
    refuseUnsupported(request);
    Selection sel = request.selection();
    String pairs = series(interval);
    String rollup = pairs + Expressions.ROLLUP_SUFFIX;
    Instant start = request.start();
    Instant end = request.end();
    List<String> queries = new ArrayList<>();
    List<Series> series = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Instant a = end;
    Instant b = end;
    if (Duration.between(start, end).compareTo(Duration.ofHours(2)) >= 0) {
      String newest = newestRollup(sel, rollup);
      queries.add(newest);
      QueryResult r = api.query(newest, end);
      warnings.addAll(r.info().warnings());
      if (!r.series().isEmpty() && Double.isFinite(r.series().get(0).samples().get(0).value())) {
        b = Instant.ofEpochMilli(Math.round(r.series().get(0).samples().get(0).value() * 1000));
        long hours = Duration.between(start, b).toHours();
        if (hours > 0) {
          String count = rollupCount(sel, rollup, Duration.ofHours(hours), b, leftOpen);
          queries.add(count);
          QueryResult c = api.query(count, end);
          warnings.addAll(c.info().warnings());
          long recorded =
              c.series().isEmpty() ? 0 : (long) c.series().get(0).samples().get(0).value();
          hours = Math.min(hours, recorded); // fewer: the roll-up began inside the window
        }
        a = b.minus(Duration.ofHours(Math.max(0, hours)));
        if (hours > 0) {
          String q = query(sel, rollup, Duration.between(a, b), b, leftOpen);
          queries.add(q);
          series.addAll(collect(api, q, end, warnings));
        } else {
          a = end;
          b = end;
        }
      }
    }
    // The per-interval samples outside the roll-up's hours: (start, a] and (b, end].
    if (a.isAfter(start)) {
      String q = query(sel, pairs, Duration.between(start, a), a, leftOpen);
      queries.add(q);
      series.addAll(collect(api, q, end, warnings));
    }
    if (end.isAfter(b)) {
      String q = query(sel, pairs, Duration.between(b, end), end, leftOpen);
      queries.add(q);
      series.addAll(collect(api, q, end, warnings));
    }
    return new Answer(List.copyOf(queries), series, warnings);
  }

  private static List<Series> collect(
      PrometheusApi api, String q, Instant at, List<String> warnings) {
    QueryResult r = api.query(q, at);
    warnings.addAll(r.info().warnings());
    return r.series();
  }
}
