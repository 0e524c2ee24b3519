package dev.zonecost.source.retina;

import static dev.zonecost.source.retina.PromqlStrings.duration;
import static dev.zonecost.source.retina.PromqlStrings.quote;
import static dev.zonecost.source.retina.PromqlStrings.regexLiteral;
import static dev.zonecost.source.retina.PromqlStrings.unixSeconds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * The PromQL that {@code report} sends, as pure functions of its settings. Every query is an
 * instant query evaluated at the window's end; {@code [range]} selectors reach back to its start.
 *
 * <p>The window form (DESIGN §3, "the faster forms"): a series without a reset in the window grew
 * by {@code max − min} over its in-window samples, plus {@code min} itself when it has no sample in
 * the lookback before {@code start} (it began inside the window). Series with a reset are read
 * sample by sample ({@link #rawSamples}) and summed in Java by the same definition.
 */
public final class QueryPlan {
  /** Prometheus' default lookback: a series with a sample this close before start existed then. */
  public static final Duration LOOKBACK = Duration.ofMinutes(5);

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

  private String forwardSelector(List<String> extraMatchers) {
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

  /** A kube-state-metrics metric, restricted to the selected cluster when there is one. */
  private String info(String metric, String... extraMatchers) {
    List<String> m = new ArrayList<>();
    add(m, s.names().clusterLabel() + "=", s.selection().cluster());
    m.addAll(List.of(extraMatchers));
    return metric + braces(m);
  }

  private String windowRange() {
    return "[" + duration(s.rangeFor(s.window())) + "]";
  }

  private String infoRange() {
    return "[" + duration(s.rangeFor(s.window().plus(LOOKBACK))) + "]";
  }

  /**
   * Per series, its largest value in the window: its last, when it had no reset. Series with a
   * reset come back too and are replaced by the sample-by-sample sum; filtering them here would
   * make the server read the data once more.
   */
  public String windowMax() {
    return "max_over_time(" + forwardSelector() + windowRange() + ")";
  }

  /**
   * Per series that already existed before the window (a sample in the look-behind {@code [start −
   * L, start)}), its smallest value in the window: its first, when it had no reset. A series
   * missing here did not demonstrably exist before the window: it was born inside it, or its agent
   * has no data before it either (DESIGN §3; decided with {@link #agentsWithLookBehind}).
   */
  public String windowMinOfSeriesBefore() {
    String sel = forwardSelector();
    return "min_over_time("
        + sel
        + windowRange()
        + ") and last_over_time("
        + sel
        + lookBehindRange()
        + " @ "
        + unixSeconds(s.start().minusMillis(1))
        + ")";
  }

  /**
   * The agents (cluster, instance) with any sample of the metric in the look-behind: a series of
   * theirs that first appears inside the window was demonstrably born there. Not narrowed by
   * direction or namespace: the agent's own scrapes are the evidence.
   */
  public String agentsWithLookBehind() {
    return "count by ("
        + s.names().clusterLabel()
        + ", "
        + LabelNames.INSTANCE
        + ") (last_over_time("
        + agentSelector(List.of())
        + lookBehindRange()
        + " @ "
        + unixSeconds(s.start().minusMillis(1))
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

  /** The look-behind as a range ending 1 ms before the window's start. */
  private String lookBehindRange() {
    return "[" + duration(s.rangeFor(s.lookBehind().minusMillis(1))) + "]";
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

  /** Series with at least one counter reset in the window: these are read sample by sample. */
  public String resetSeries() {
    return "resets(" + forwardSelector() + windowRange() + ") > 0";
  }

  /** Raw samples of the series observed by the given agents over the whole window. */
  public String rawSamples(Collection<String> instances) {
    return rawSamples(instances, s.window());
  }

  /**
   * Raw samples of the series observed by the given agents over the {@code range} before the
   * instant the query is evaluated at. Chunks that tile the window keep each request's samples
   * bounded.
   */
  public String rawSamples(Collection<String> instances, Duration range) {
    return forwardSelector(instanceMatcher(instances)) + "[" + duration(s.rangeFor(range)) + "]";
  }

  /** Every pod's node and IP over the window, kube-state-metrics replicas folded together. */
  public String podPlacements() {
    return "max by ("
        + s.names().clusterLabel()
        + ", namespace, pod, pod_ip, node, host_ip) (max_over_time("
        + info(LabelNames.POD_INFO)
        + infoRange()
        + "))";
  }

  /** Every node's zone label (current and legacy), replicas folded together. */
  public String nodeZones() {
    return "max by ("
        + s.names().clusterLabel()
        + ", node, "
        + s.names().zoneLabel()
        + ", "
        + LabelNames.LEGACY_ZONE_LABEL
        + ") (max_over_time("
        + info(LabelNames.NODE_LABELS)
        + infoRange()
        + "))";
  }

  /**
   * Every Service's ClusterIP over the window: series naming one name the Service a client called,
   * not a pod pair (DESIGN §3, {@code --dedupe auto}).
   */
  public String serviceIps() {
    return "max by ("
        + s.names().clusterLabel()
        + ", namespace, service, cluster_ip) (max_over_time("
        + info(LabelNames.SERVICE_INFO)
        + infoRange()
        + "))";
  }

  /**
   * The bytes the kernel counted leaving each pod in the window (kubelet's cAdvisor, every
   * interface but loopback, its scrape replicas folded): the calibration's reference.
   */
  public String kernelTransmit() {
    return "sum by (namespace, pod) (max by (namespace, pod, interface, id) (increase("
        + info(LabelNames.CADVISOR_TRANSMIT, "pod!=\"\"", "interface!=\"lo\"")
        + windowRange()
        + ")))";
  }

  /** Every ready endpoint's address in each EndpointSlice over the window. */
  public String sliceEndpoints() {
    return "max by ("
        + s.names().clusterLabel()
        + ", namespace, endpointslice, address) (max_over_time("
        + info(LabelNames.ENDPOINTSLICE_ENDPOINTS, "ready=\"true\"")
        + infoRange()
        + "))";
  }

  /** Each EndpointSlice's Service (kube-state-metrics' label allowlist for slices). */
  public String sliceServices() {
    return "max by ("
        + s.names().clusterLabel()
        + ", namespace, endpointslice, label_kubernetes_io_service_name) (max_over_time("
        + info(LabelNames.ENDPOINTSLICE_LABELS)
        + infoRange()
        + "))";
  }

  /**
   * Every pod's first owner over the window: the kind of a workload a source names without one
   * (Istio). Sent only for such a source.
   */
  public String podOwners() {
    return "max by ("
        + s.names().clusterLabel()
        + ", namespace, created_by_kind, created_by_name) (max_over_time("
        + info(LabelNames.POD_INFO)
        + infoRange()
        + "))";
  }

  /** ReplicaSet → owning Deployment, for the roll-up of Retina's first-owner workload names. */
  public String replicaSetOwners() {
    return "max by ("
        + s.names().clusterLabel()
        + ", namespace, replicaset, owner_kind, owner_name) (max_over_time("
        + info(LabelNames.REPLICASET_OWNER)
        + infoRange()
        + "))";
  }

  public static final String RAW_SAMPLES_LABEL =
      "raw samples of the agents whose series reset (sent only when there are any)";

  /** The instant queries every report sends, labelled, in order; they run in parallel. */
  public List<LabelledQuery> instantQueries() {
    return List.of(
        new LabelledQuery("last value in the window per series (max_over_time)", windowMax()),
        new LabelledQuery(
            "first value in the window of series that existed before it (min_over_time)",
            windowMinOfSeriesBefore()),
        new LabelledQuery("series with a counter reset in the window", resetSeries()),
        new LabelledQuery(
            "agents with samples in the look-behind (their new series were born in the window)",
            agentsWithLookBehind()),
        new LabelledQuery("pod placements (pod, IP -> node)", podPlacements()),
        new LabelledQuery("node zones (node -> zone)", nodeZones()),
        new LabelledQuery("Service ClusterIPs (kube_service_info)", serviceIps()),
        new LabelledQuery(
            "bytes each pod sent, by the kernel (cAdvisor; for the calibration note)",
            kernelTransmit()),
        new LabelledQuery("ReplicaSet owners (ReplicaSet -> Deployment)", replicaSetOwners()));
  }

  /**
   * The counter's own queries, for a source's second counter (Istio's sent bytes): the pods, nodes
   * and owners are read once, with the first.
   */
  public List<LabelledQuery> counterQueries() {
    return instantQueries().subList(0, 4);
  }

  public record LabelledQuery(String label, String promql) {}

  /** When the queries are evaluated: always at the window's end. */
  public Instant evaluationTime() {
    return s.end();
  }
}
