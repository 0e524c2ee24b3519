package dev.zonecost.monitoring;

import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.time.TimeParsing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The PromQL that reads {@code zonecost rules}' recorded series back ({@code report
 * --use-recording-rules}): the per-pair series (one sample per interval, holding the bytes of the
 * interval that ends at it) and its hourly roll-up, summed by workload and zone pair over a span.
 */
public final class RecordedQueries {
  private RecordedQueries() {}

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

  /**
   * Whether the roll-up has a sample in the hour before {@code at} (1 when it has): the first hour
   * of the span it is read for, so a roll-up that began later is not taken for the whole span.
   */
  public static String rollupAt(Selection selection, String rollup, Instant at, boolean leftOpen) {
    Duration hour = Duration.ofHours(1);
    return "max(count_over_time("
        + selector(selection, rollup)
        + "["
        + PromqlStrings.duration(leftOpen ? hour : hour.minusMillis(1))
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
}
