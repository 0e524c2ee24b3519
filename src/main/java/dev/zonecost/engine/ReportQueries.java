package dev.zonecost.engine;

import dev.zonecost.kube.KubeQueries;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.QueryPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries one report sends for one source, described once: the engine sends these (the counter
 * plans' queries through {@link CounterRead}, the kube-state-metrics ones itself) and records them,
 * and {@code query} prints the same list without asking the back end.
 *
 * @param counters one plan per counter of the source (Istio has two), first counter first
 * @param kube the kube-state-metrics and cAdvisor queries, in the same names and cluster
 */
public record ReportQueries(ByteSource source, List<QueryPlan> counters, KubeQueries kube) {
  public ReportQueries {
    counters = List.copyOf(counters);
  }

  /**
   * @param metrics the metric name each counter of the source goes by, in the source's order
   */
  public static ReportQueries of(
      EngineRequest request, boolean leftOpenRanges, ByteSource source, List<String> metrics) {
    List<QueryPlan> plans = new ArrayList<>();
    for (String metric : metrics) {
      plans.add(TrafficEngine.plan(request, leftOpenRanges, source, metric));
    }
    QueryPlan first = plans.get(0);
    return new ReportQueries(
        source, plans, new KubeQueries(first.settings().scope(), first.settings().queryWindow()));
  }

  /** With each counter's first metric name: what a command prints without asking the back end. */
  public static ReportQueries firstNames(
      EngineRequest request, boolean leftOpenRanges, ByteSource source) {
    List<String> metrics = new ArrayList<>();
    for (ByteSource.Counter c : source.counters(request.names())) {
      metrics.add(c.metricNames().get(0));
    }
    return of(request, leftOpenRanges, source, metrics);
  }

  /** The first counter's plan. */
  public QueryPlan plan() {
    return counters.get(0);
  }

  /**
   * The kube-state-metrics queries every report sends with the counters', in parallel: pods, nodes,
   * Services, the kernel's bytes, ReplicaSet and Job owners, and pods' first owners for a source
   * that names workloads without their kind.
   */
  public List<LabelledQuery> kubeQueries() {
    List<LabelledQuery> q = new ArrayList<>(List.of(kube.pods(), kube.nodes(), kube.services()));
    q.add(kube.kernel());
    q.add(kube.owners());
    q.add(kube.cronJobs());
    if (source.needsWorkloadKinds()) {
      q.add(kube.firstOwners());
    }
    return q;
  }

  /**
   * The instant queries every report sends, labelled, in the order they are listed: the first
   * counter's, the kube-state-metrics ones, each further counter's, the pods' first owners.
   */
  public List<LabelledQuery> instantQueries() {
    List<LabelledQuery> kubeQueries = kubeQueries();
    List<LabelledQuery> out = new ArrayList<>(plan().counterQueries());
    out.addAll(kubeQueries.subList(0, 5));
    for (QueryPlan more : counters.subList(1, counters.size())) {
      out.addAll(more.counterQueries());
    }
    out.addAll(kubeQueries.subList(5, kubeQueries.size()));
    return out;
  }

  /**
   * The reads by name of the first counter for the series the {@code matchers} select, as {@link
   * CounterRead} sends them for the series that need them: last and first values, where the resets
   * are (a subquery evaluated one step after the end), the samples around each, and the window's
   * raw samples where a reset could not be located.
   */
  public List<LabelledQuery> readsByName(List<String> matchers) {
    QueryPlan p = plan();
    Duration window = p.settings().window();
    Duration step = TrafficEngine.resetStep(window);
    return List.of(
        new LabelledQuery(QueryPlan.LAST_BY_NAME_LABEL, p.lastValues(matchers)),
        new LabelledQuery(QueryPlan.FIRST_BY_NAME_LABEL, p.firstValues(matchers)),
        new LabelledQuery(
            QueryPlan.RESET_STEPS_LABEL
                + ", evaluated at the end + "
                + PromqlStrings.duration(step),
            p.resetSteps(matchers, step)),
        new LabelledQuery(
            QueryPlan.RESET_SAMPLES_LABEL + ", at each located step",
            p.rawSamplesOf(matchers, step.multipliedBy(2))),
        new LabelledQuery(QueryPlan.RAW_SAMPLES_LABEL, p.rawSamplesOf(matchers, window)));
  }
}
