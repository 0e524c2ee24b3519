package dev.zonecost.source;

import static dev.zonecost.promql.PromqlStrings.duration;
import static dev.zonecost.promql.PromqlStrings.quote;
import static dev.zonecost.promql.PromqlStrings.regexLiteral;
import static dev.zonecost.promql.PromqlStrings.unixSeconds;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.promql.Matchers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * The PromQL of one byte source's counter that {@code report} sends, as pure functions of its
 * settings: the source adds its own matchers ({@link ByteSource#matchers}) to the selector, the
 * window form is the same for every source; kube-state-metrics is read by {@code kube/}. Every
 * query is an instant query evaluated at the window's end; {@code [range]} selectors reach back to
 * its start.
 *
 * <p>The window form (DESIGN §3, "the faster forms"): one full read of the window ({@link
 * #windowCensus}: every series and its resets), each series' last and first values from short reads
 * at the window's edges, and reads by name for what the edges miss and for the resets, which are
 * located by a subquery ({@link #resetSteps}) and read sample by sample around each.
 */
public final class QueryPlan {
  private final QuerySettings s;

  public QueryPlan(QuerySettings settings) {
    this.s = settings;
  }

  public QuerySettings settings() {
    return s;
  }

  /** The Retina selector: metric, direction for the dedupe mode, namespace selection. */
  public String forwardSelector() {
    return forwardSelector(List.of());
  }

  /** The same with {@code extraMatchers} added (the recording rules' kinds of series). */
  public String forwardSelector(List<String> extraMatchers) {
    List<String> m =
        new ArrayList<>(
            s.source().matchers(s.directionRegex(), s.selection(), s.names().clusterLabel()));
    m.addAll(extraMatchers);
    return s.names().forwardBytes() + braces(m);
  }

  private static void add(List<String> matchers, String matcher, String value) {
    if (value != null) {
      matchers.add(matcher + quote(value));
    }
  }

  private static String braces(List<String> matchers) {
    return matchers.isEmpty() ? "" : "{" + String.join(", ", matchers) + "}";
  }

  private String windowRange() {
    return "[" + duration(s.rangeFor(s.window())) + "]";
  }

  /**
   * The agents (cluster, instance) with any sample of the metric in the look-behind: a series of
   * theirs that first appears inside the window was demonstrably born there. Not narrowed by
   * direction or namespace: the agent's own scrapes are the evidence.
   */
  public String agentsWithLookBehind() {
    return agentsIn(lookBehindThroughStart());
  }

  /**
   * The agents with any sample of the metric in the look-behind before {@code offset} ago (a PromQL
   * duration): the born rule's evidence for the recording rules, whose window is the evaluation
   * interval ending at each evaluation.
   */
  public String agentsWithLookBehindBefore(String offset) {
    return agentsIn("[" + duration(s.lookBehind()) + "] offset " + offset);
  }

  /** The agents (cluster, instance) with a sample of the metric in {@code range} (and modifier). */
  private String agentsIn(String range) {
    return "count by ("
        + s.names().clusterLabel()
        + ", "
        + LabelNames.INSTANCE
        + ") (last_over_time("
        + agentSelector(List.of())
        + range
        + "))";
  }

  /**
   * The raw samples of every series of the given agents (all of them when empty) over the {@code
   * range} before the instant the query is evaluated at: where a new agent's first scrape is, and
   * which series it already carried.
   */
  public String agentSamples(Collection<String> instances, Duration range) {
    return agentSelector(instanceMatcher(instances)) + "[" + duration(s.rangeFor(range)) + "]";
  }

  /**
   * Whether the metric has any sample in the {@code range} before the instant it is evaluated at:
   * probes for data before the window when no agent has any in the look-behind.
   */
  public String anySample(Duration range) {
    return "count(last_over_time(" + agentSelector(List.of()) + "[" + duration(range) + "]))";
  }

  /**
   * The look-behind [start − L, start], closed at the start. For a series, a sample at exactly the
   * start makes it pre-existing ({@code WindowBytes.BirthFacts}). For an agent it changes no
   * decision: its series seen at the start are baselines either way, and those seen later appeared
   * after a scrape of it, born either way; so one read can name both.
   */
  private String lookBehindThroughStart() {
    return "[" + duration(s.rangeFor(s.lookBehind())) + "] @ " + unixSeconds(s.start());
  }

  private String agentSelector(List<String> extraMatchers) {
    List<String> m = new ArrayList<>();
    add(m, s.names().clusterLabel() + "=", s.selection().cluster());
    m.addAll(extraMatchers);
    return s.names().forwardBytes() + braces(m);
  }

  private static List<String> instanceMatcher(Collection<String> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    StringJoiner alt = new StringJoiner("|");
    instances.stream().sorted().distinct().forEach(i -> alt.add(regexLiteral(i)));
    return List.of(LabelNames.INSTANCE + "=~" + quote(alt.toString()));
  }

  /**
   * The one full read of the window: every series with a sample in it, and how many counter resets
   * it had there. Every other counter query reads a short stretch at the window's edges, or only
   * series this answer names.
   */
  public String windowCensus() {
    return "resets(" + forwardSelector() + windowRange() + ")";
  }

  /** How far the edge reads reach into the window: a series' first or last sample within it. */
  public Duration edge() {
    Duration w = s.window();
    return w.compareTo(EDGE) < 0 ? w : EDGE;
  }

  /** The edge reads' reach when the window is longer. */
  public static final Duration EDGE = Duration.ofMinutes(10);

  private String edgeRange() {
    return "[" + duration(s.rangeFor(edge())) + "]";
  }

  private String startEdge() {
    return " @ " + unixSeconds(s.start().plus(edge()));
  }

  /** The series with a sample in [start − L, start] ({@link #lookBehindThroughStart()}). */
  private String lookBehindAtStart(String sel) {
    return "last_over_time(" + sel + lookBehindThroughStart() + ")";
  }

  /**
   * Each series' last sample in the window, where it lies in the window's last {@link #edge()}: the
   * rest ended earlier and are read by name ({@link #lastValues(List)}).
   */
  public String lastValuesAtEnd() {
    return withoutName("last_over_time(" + forwardSelector() + edgeRange() + ")");
  }

  /**
   * The same values without the metric name, which {@code last_over_time} keeps and every series of
   * one selector shares (one name, so dropping it merges no two series): 51 bytes a series on
   * Retina's counter. {@code * 1} changes no float.
   */
  private static String withoutName(String lastOverTime) {
    return lastOverTime + " * 1";
  }

  /**
   * Each series' smallest value in the window's first {@link #edge()}: its first in-window value
   * when it had no reset there. Only the series that existed before the window ({@link
   * #lookBehindSeries()}) use it; telling them apart is the caller's join, so each stretch of
   * samples is read once.
   */
  public String firstEdgeValues() {
    return "min_over_time(" + forwardSelector() + edgeRange() + startEdge() + ")";
  }

  /**
   * Every series with a sample in the look-behind: those that existed before the window (the others
   * in the window were born in it, or belong to an agent without a look-behind), and, when {@link
   * #lookBehindNamesAgents()}, the agents that were already scraped. A series among them without a
   * first-edge value had a scrape gap across the start, or ended before it.
   */
  public String lookBehindSeries() {
    return withoutName(lookBehindAtStart(forwardSelector()));
  }

  /**
   * Whether {@link #lookBehindSeries()} selects what {@link #agentsWithLookBehind()} counts (no
   * matcher narrows the counter's selector beyond the cluster), so its answer names the agents too
   * and the agents' query is not sent.
   */
  public boolean lookBehindNamesAgents() {
    return forwardSelector().equals(agentSelector(List.of()));
  }

  /** The last in-window value of the series the matchers select (a whole-window read of them). */
  public String lastValues(List<String> matchers) {
    return withoutName("last_over_time(" + forwardSelector(matchers) + windowRange() + ")");
  }

  /** The smallest in-window value of the series the matchers select: their first, without reset. */
  public String firstValues(List<String> matchers) {
    return "min_over_time(" + forwardSelector(matchers) + windowRange() + ")";
  }

  /**
   * Where the selected series reset: {@code resets} over {@code 2·step} ranges every {@code step},
   * as a subquery evaluated at {@code end + step}, keeping only the steps with a reset. Every pair
   * of consecutive samples at most {@code step} apart lies inside one of the ranges, so a reset
   * between such samples is found; the caller checks the count against {@link #windowCensus()}.
   */
  public String resetSteps(List<String> matchers, Duration step) {
    return "(resets("
        + forwardSelector(matchers)
        + "["
        + duration(s.rangeFor(step.multipliedBy(2)))
        + "]) > 0)["
        + duration(s.window().plus(step.multipliedBy(3)))
        + ":"
        + duration(step)
        + "]";
  }

  /** The raw samples of the selected series over the {@code range} before the evaluation time. */
  public String rawSamplesOf(List<String> matchers, Duration range) {
    return forwardSelector(matchers) + "[" + duration(s.rangeFor(range)) + "]";
  }

  /** A matcher selecting the series whose {@code label} is one of {@code values}. */
  public static String anyOf(String label, Collection<String> values) {
    return Matchers.anyOf(label, values);
  }

  public static final String RAW_SAMPLES_LABEL =
      "raw samples of the window of reset series whose resets could not be located, by name (sent"
          + " only when there are any)";

  /**
   * The counter's instant queries, labelled, in the order a report lists them; they run in parallel
   * with the kube-state-metrics ones.
   */
  public List<LabelledQuery> counterQueries() {
    List<LabelledQuery> out =
        new ArrayList<>(
            List.of(
                new LabelledQuery(
                    "every series in the window and its counter resets (the one full read)",
                    windowCensus()),
                new LabelledQuery(
                    "last value per series, in the window's last " + minutes(edge()),
                    lastValuesAtEnd()),
                new LabelledQuery(
                    "first value per series, in the window's first " + minutes(edge()),
                    firstEdgeValues()),
                new LabelledQuery(
                    "series with samples in the look-behind (they existed before the window"
                        + (lookBehindNamesAgents()
                            ? "; their agents' new series were born in it)"
                            : ")"),
                    lookBehindSeries())));
    if (!lookBehindNamesAgents()) {
      out.add(
          new LabelledQuery(
              "agents with samples in the look-behind (their new series were born in the window)",
              agentsWithLookBehind()));
    }
    return List.copyOf(out);
  }

  private static String minutes(Duration d) {
    return d.toMillis() % 60_000 == 0 ? d.toMinutes() + " min" : duration(d);
  }

  /** The reads by name, sent only for the series that need them. */
  public static final String LAST_BY_NAME_LABEL =
      "last values of series that ended before the window's last minutes, by name (sent only when"
          + " there are any)";

  public static final String FIRST_BY_NAME_LABEL =
      "first values of pre-existing series with a gap across the window's start, by name (sent"
          + " only when there are any)";

  public static final String RESET_STEPS_LABEL =
      "where the series with a reset reset, by name (sent only when there are any)";

  public static final String RESET_SAMPLES_LABEL =
      "raw samples around each located reset, by name (sent only when there are any)";

  /** When the queries are evaluated: always at the window's end. */
  public Instant evaluationTime() {
    return s.end();
  }
}
