package dev.zonecost.source;

import dev.zonecost.accounting.Observation;
import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.MetricNames;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A byte source: the counters an agent exports, the matchers that pick the copies to read, and the
 * rules that turn one series' bytes into an observation of a pod or workload pair. One type per
 * source, registered in {@link ByteSources}; the engine, the query printer and doctor only talk to
 * this interface (DESIGN §7).
 */
public interface ByteSource {
  /**
   * How a note about a half-broken set-up begins (a source scraped twice, agents whose copies match
   * no node): {@code check} repeats these notes beside its verdict.
   */
  String SET_UP_NOTE = "set-up: ";

  /** The name users give to {@code --source}. */
  String name();

  /**
   * The counters to read, each a role (what its bytes are) and the metric names it may have, first
   * choice first (an agent renamed across versions); the engine reads the first name with data.
   */
  List<Counter> counters();

  /** The counters with the user's names applied: {@code --metric} renames Retina's counter only. */
  default List<Counter> counters(MetricNames names) {
    return counters();
  }

  /**
   * The label matchers of a counter's selector, beyond the metric name: the copies this source
   * keeps in PromQL (a direction, a reporter, no Service owners) and the user's selection.
   *
   * @param directionRegex Retina's dedupe mode as a {@code direction} regex, or null
   */
  List<String> matchers(String directionRegex, Selection selection, String clusterLabel);

  /**
   * One series' bytes in the window as an observation, or null when the series is a copy this
   * source leaves out (another agent's copy of bytes a kept series already holds).
   *
   * @param role the counter's role ({@link Counter#role()}): which way its bytes went
   */
  Observation observation(
      String role, Map<String, String> labels, String clusterLabel, double bytes);

  /**
   * Whether the source has already left one observation per byte ({@code observation} divided or
   * dropped copies), so the aggregator adds observations as they are; Retina leaves that to {@code
   * --dedupe}.
   */
  boolean countsOncePerByte();

  /**
   * Whether series name workloads without their kind (Istio's {@code source_workload}): the kind is
   * then taken from kube-state-metrics' pod owners.
   */
  default boolean needsWorkloadKinds() {
    return false;
  }

  /**
   * What the copy rule could not do with this set-up, seen over all the series of a counter in the
   * window (labels as read): a sentence each, said with the report. Throws {@link
   * dev.zonecost.common.NoDataException} when it leaves every copy out.
   */
  default List<String> copyNotes(Collection<Map<String, String>> series) {
    return List.of();
  }

  /** A counter: its role and the metric names it goes by, first choice first. */
  /**
   * The bytes per workload and zone pair as one PromQL expression, for {@code zonecost rules} and
   * {@code dashboard}: {@code sum by (source_namespace, source_workload, source_zone,
   * destination_namespace, destination_workload, destination_zone)}, an unknown zone empty; or null
   * where the source has none (the reason in {@link #pairExpressionCaveats}).
   *
   * @param plan the plan of the source's first counter
   * @param bytes each counter's bytes for its selector (over a range, or an interval's)
   */
  default String pairExpression(QueryPlan plan, UnaryOperator<String> bytes) {
    return null;
  }

  /** Where {@link #pairExpression} is less exact than {@code report}, or why there is none. */
  default List<String> pairExpressionCaveats() {
    return List.of();
  }

  record Counter(String role, List<String> metricNames) {
    public Counter {
      metricNames = List.copyOf(metricNames);
    }
  }
}
