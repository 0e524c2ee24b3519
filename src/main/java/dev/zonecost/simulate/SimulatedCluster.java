package dev.zonecost.simulate;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Job;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.ReplicaSet;
import dev.zonecost.simulate.ClusterModel.Series;
import dev.zonecost.simulate.ClusterModel.Service;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A synthetic cluster: its kube-state-metrics and Retina series ({@link KubeStateMetricsWriter},
 * {@link RetinaWriter}; another source's by {@link BeylaWriter} or {@link IstioWriter}), written as
 * OpenMetrics for {@code promtool tsdb create-blocks-from openmetrics}, and the exact answer a
 * report over any window must give ({@link #answer()}).
 *
 * <p>Time is a grid of scrape instants {@code start + k × interval}, k = 0..steps. Everything that
 * exists is sampled at every grid instant of its life, both ends included. The expected answer is
 * computed from the model, not by reading the series back.
 */
public final class SimulatedCluster {

  public static final String RETINA_FORWARD_BYTES = "networkobservability_adv_forward_bytes";
  public static final String KUBE_NODE_LABELS = "kube_node_labels";
  public static final String KUBE_POD_INFO = "kube_pod_info";
  public static final String KUBE_REPLICASET_OWNER = "kube_replicaset_owner";
  public static final String KUBE_REPLICASET_CREATED = "kube_replicaset_created";
  public static final String KUBE_SERVICE_INFO = "kube_service_info";
  public static final String KUBE_ENDPOINTSLICE_ENDPOINTS = "kube_endpointslice_endpoints";
  public static final String KUBE_ENDPOINTSLICE_LABELS = "kube_endpointslice_labels";
  public static final String KUBE_ENDPOINTSLICE_HINTS = "kube_endpointslice_endpoints_hints";
  public static final String KUBE_NODE_ALLOCATABLE = "kube_node_status_allocatable";
  public static final String KUBE_JOB_OWNER = "kube_job_owner";

  /** Allocatable CPU of every simulated node of the small scenarios, in cores. */
  public static final long NODE_CPU_CORES = 4;

  public static final String ZONE_LABEL = "label_topology_kubernetes_io_zone";
  public static final String RETINA_JOB = "retina";
  public static final String KSM_JOB = "kube-state-metrics";
  public static final String EGRESS = "EGRESS";
  public static final String INGRESS = "INGRESS";

  /** DESIGN §3's default look-behind: a sample this close before a window's start. */
  public static final Duration LOOK_BEHIND = Duration.ofHours(1);

  /** The workload of an endpoint outside the cluster, and Retina's spelling of its labels. */
  public static final WorkloadRef EXTERNAL_WORKLOAD =
      new WorkloadRef(Zones.UNKNOWN, Zones.UNKNOWN, Zones.UNKNOWN);

  private final String scenario;
  private final Instant dataStart;
  private final Instant windowStart;
  private final BitSet outage;
  private final Duration interval;
  private final int steps;
  private final DataAggregationLevel level;
  private final boolean nativeZones;
  private final List<String> ksmInstances;
  private final List<Node> nodes;
  private final List<ReplicaSet> replicaSets;
  private final List<Job> jobs;
  private final boolean ksmExportedLabels;
  private final Set<SimulationSpec.SetUpFault> faults;
  private final List<Pod> pods;
  private final List<Pod> hostNetworkPods;
  private final List<Flow> flows;
  private final List<Service> services;
  private final Map<List<Pod>, String> nodePortClients;
  private final Map<String, List<String>> subnetsByIp;
  private final Routing routing;
  private final TrafficDistribution distribution;
  private final Map<String, Integer> switchOn;
  private final Map<String, TreeSet<Integer>> restartsByNode;
  private final List<Series> series;
  private final long sampleCount;

  SimulatedCluster(ClusterBuilder b) {
    this.scenario = b.scenario;
    this.dataStart = b.dataStart;
    this.windowStart = b.windowStart;
    this.outage = (BitSet) b.outage.clone();
    this.interval = b.interval;
    this.steps = b.steps;
    this.level = b.level;
    this.nativeZones = b.nativeZones;
    this.ksmInstances = List.copyOf(b.ksmInstances);
    this.nodes = List.copyOf(b.nodes);
    this.replicaSets = List.copyOf(b.replicaSets);
    this.jobs = List.copyOf(b.jobs);
    this.ksmExportedLabels = b.ksmExportedLabels;
    this.faults = Set.copyOf(b.faults);
    this.pods = List.copyOf(b.pods);
    this.hostNetworkPods = List.copyOf(b.hostNetworkPods);
    this.flows = List.copyOf(b.flows);
    this.services = List.copyOf(b.services);
    this.nodePortClients = Map.copyOf(b.nodePortClients);
    this.subnetsByIp = Collections.unmodifiableMap(new LinkedHashMap<>(b.subnetsByIp));
    this.routing = b.routing;
    this.distribution = b.distribution;
    this.switchOn = Map.copyOf(b.switchOn);
    Map<String, TreeSet<Integer>> restarts = new TreeMap<>();
    b.restarts.forEach((k, v) -> restarts.put(k, new TreeSet<>(v)));
    this.restartsByNode = Collections.unmodifiableMap(restarts);
    this.series = List.copyOf(buildSeries());
    this.sampleCount = series.stream().mapToLong(x -> presentSteps(x).cardinality()).sum();
  }

  /** A builder for the cluster a spec describes. */
  static ClusterBuilder builder(SimulationSpec spec) {
    ClusterBuilder b =
        new ClusterBuilder(
            spec.scenario(),
            spec.dataStart(),
            spec.start(),
            spec.steps(),
            spec.scrapeInterval(),
            spec.level(),
            spec.nativeZones());
    b.routing = spec.routing();
    b.distribution = spec.distribution();
    b.ksmExportedLabels = spec.ksmExportedLabels();
    b.faults = spec.faults();
    return b;
  }

  /** A cluster whose window starts at its first scrape (no history). */
  static ClusterBuilder builder(
      String scenario,
      Instant start,
      int steps,
      Duration interval,
      DataAggregationLevel level,
      boolean nativeZones) {
    return new ClusterBuilder(scenario, start, start, steps, interval, level, nativeZones);
  }

  public String scenario() {
    return scenario;
  }

  /**
   * The window's start: the default window of {@link ExpectedAnswer#expected()} is [start, end].
   */
  public Instant start() {
    return windowStart;
  }

  /** The first scrape: data before {@link #start()} is the history a real Prometheus holds. */
  public Instant dataStart() {
    return dataStart;
  }

  /** The oldest sample of Retina's metric: where a window that starts earlier is clipped to. */
  public Instant oldestForwardSample() {
    int first = Integer.MAX_VALUE;
    for (Series s : series) {
      if (s.family().equals(RETINA_FORWARD_BYTES)) {
        int k = presentSteps(s).nextSetBit(0);
        first = k >= 0 ? Math.min(first, k) : first;
      }
    }
    return first == Integer.MAX_VALUE ? null : time(first);
  }

  public Instant end() {
    return time(steps);
  }

  public Duration scrapeInterval() {
    return interval;
  }

  public DataAggregationLevel level() {
    return level;
  }

  public boolean nativeZones() {
    return nativeZones;
  }

  /** Number of series over all metric families. */
  public int seriesCount() {
    return series.size();
  }

  /** Number of samples (OpenMetrics sample lines) over all series. */
  public long sampleCount() {
    return sampleCount;
  }

  /** Series per metric family, in the order they are written. */
  public Map<String, Integer> seriesCountByFamily() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Series s : series) {
      counts.merge(s.family(), 1, Integer::sum);
    }
    return counts;
  }

  List<Series> series() {
    return series;
  }

  List<Flow> flows() {
    return flows;
  }

  List<Pod> pods() {
    return pods;
  }

  /** The pods in host network ({@link ClusterBuilder#hostNetworkPod}), in no flow of the model. */
  List<Pod> hostNetworkPods() {
    return hostNetworkPods;
  }

  List<Node> nodes() {
    return nodes;
  }

  Map<String, TreeSet<Integer>> restarts() {
    return restartsByNode;
  }

  Instant time(int step) {
    return dataStart.plus(interval.multipliedBy(step));
  }

  /** The steps at which a series has a sample: its life, less scrape outages and its TTL gap. */
  BitSet presentSteps(Series s) {
    BitSet b = new BitSet(steps + 1);
    b.set(s.from(), s.to() + 1);
    b.andNot(outage);
    if (s.flow() != null && s.flow().gapFrom() >= 0) {
      b.clear(s.flow().gapFrom(), s.flow().gapTo() + 1);
    }
    return b;
  }

  // ---------------------------------------------------------------- series

  /** kube-state-metrics' series, then Retina's: the order they are written in. */
  private List<Series> buildSeries() {
    List<Series> out = new ArrayList<>();
    for (Series s : KubeStateMetricsWriter.series(this)) {
      if (!(has(SimulationSpec.SetUpFault.KSM_WITHOUT_ENDPOINTSLICES)
          && s.family().startsWith("kube_endpointslice"))) {
        out.add(s);
      }
    }
    out.addAll(NicSeries.series(this));
    for (Series s : RetinaWriter.series(this)) {
      out.add(s);
      if (has(SimulationSpec.SetUpFault.RETINA_SCRAPED_TWICE)
          && s.family().equals(RETINA_FORWARD_BYTES)) {
        out.add(viaServiceMonitor(s)); // right after: a family's series stay together
      }
    }
    return out;
  }

  /**
   * A Retina series as the chart's ServiceMonitor also stores it (REAL-FORMATS §1e):
   * prometheus-operator's target labels, and {@code instance} the target's address — the agent runs
   * in host network, so its node's IP and Retina's port.
   */
  private static Series viaServiceMonitor(Series s) {
    Map<String, String> l = new LinkedHashMap<>(s.labels());
    String node = l.getOrDefault("instance", "");
    l.put("container", "retina");
    l.put("endpoint", "retina");
    l.put("instance", (s.agent() != null ? s.agent().ip() : node) + ":10093");
    l.put("job", "retina-svc");
    l.put("namespace", "kube-system");
    l.put("pod", "retina-agent-" + node);
    l.put("service", "retina-svc");
    return new Series(s.family(), l, s.from(), s.to(), s.values(), s.flow(), s.agent());
  }

  /** Whether the set-up written has this fault (issue 29's half-broken set-ups). */
  public boolean has(SimulationSpec.SetUpFault fault) {
    return faults.contains(fault);
  }

  /**
   * The outside client of a NodePort connection the flow's opener (a node) forwarded, or null when
   * the flow is not one.
   */
  String nodePortClient(Flow f) {
    return nodePortClients.get(List.of(f.opener(), f.peer()));
  }

  /**
   * The subnet (cidr, zone, name) of an endpoint outside the cluster inside the cloud network, or
   * null: such an endpoint's traffic is not masqueraded.
   */
  List<String> subnetOf(Pod p) {
    return p.external() ? subnetsByIp.get(p.ip()) : null;
  }

  /** The cluster's subnets as a {@code --subnets} file (YAML), empty when it has none. */
  public String subnetsYaml() {
    if (subnetsByIp.isEmpty()) {
      return "";
    }
    StringBuilder y = new StringBuilder("subnets:\n");
    subnetsByIp.values().stream()
        .distinct()
        .forEach(
            s ->
                y.append("  - cidr: ")
                    .append(s.get(0))
                    .append("\n    zone: ")
                    .append(s.get(1))
                    .append("\n    name: ")
                    .append(s.get(2))
                    .append('\n'));
    return y.toString();
  }

  /** An address living over the whole span [0, steps]: no node, unknown everything but its IP. */
  static Pod address(String ip, int steps) {
    return new Pod(
        Zones.UNKNOWN,
        Zones.UNKNOWN,
        "",
        ip,
        null,
        Zones.UNKNOWN,
        Zones.UNKNOWN,
        EXTERNAL_WORKLOAD,
        0,
        steps);
  }

  /**
   * The bytes one agent has counted since its last restart, once per byte, at each step of a flow.
   * A restart at step τ loses the part of τ's interval that came before it: half, rounded down. A
   * series re-created after its TTL gap counts again from zero.
   */
  long[] agentCounter(Node agent, Flow f, long[] bytes) {
    Set<Integer> resets = restartsByNode.getOrDefault(agent.name(), new TreeSet<>());
    long[] out = new long[bytes.length];
    long c = 0;
    for (int i = 0; i < bytes.length; i++) {
      int step = f.from() + i;
      if (f.inGap(step)) {
        c = 0;
      } else {
        c = resets.contains(step) ? bytes[i] / 2 : c + bytes[i];
      }
      out[i] = c;
    }
    return out;
  }

  // ---------------------------------------------------------------- answers and sources

  private ExpectedAnswer answer;

  /** The exact answers a report over this cluster must give (computed on first use). */
  public synchronized ExpectedAnswer answer() {
    if (answer == null) {
      answer = new ExpectedAnswer(this);
    }
    return answer;
  }

  /** The byte sources the simulator writes: Retina's counters or another agent's. */
  public static final List<String> SOURCES =
      List.of("retina", "beyla", "beyla-no-agent-ip", "istio", "istio-sidecar");

  private final Map<String, List<SourceCounter>> sourceCounters = new TreeMap<>();

  /** Another source's series of this cluster's flows; null for Retina's. */
  synchronized List<SourceCounter> counters(String source) {
    return switch (source) {
      case "retina" -> null;
      case "beyla" -> sourceCounters.computeIfAbsent(source, k -> BeylaWriter.counters(this));
      case "beyla-no-agent-ip" ->
          sourceCounters.computeIfAbsent(source, k -> BeylaWriter.counters(this, false));
      case "istio" -> sourceCounters.computeIfAbsent(source, k -> IstioWriter.counters(this));
      case "istio-sidecar" ->
          sourceCounters.computeIfAbsent(source, k -> IstioWriter.sidecarCounters(this));
      default ->
          throw new IllegalArgumentException(
              "unknown source '" + source + "', expected one of " + SOURCES);
    };
  }

  /**
   * The cluster's series as {@code source} exports them (kube-state-metrics' the same), as
   * OpenMetrics. Flushed, not closed.
   */
  public void writeOpenMetrics(Writer w, String source) throws IOException {
    OpenMetricsWriter.write(this, w, counters(source), SampleSlice.ALL);
  }

  /**
   * The same, only the samples inside {@code slice} (one part of a backfill in parts); returns how
   * many samples were written.
   */
  public long writeOpenMetrics(Writer w, String source, SampleSlice slice) throws IOException {
    return OpenMetricsWriter.write(this, w, counters(source), slice);
  }

  /**
   * Retina's series and {@code source}'s together (a meshed cluster that runs Retina too), as
   * OpenMetrics. Flushed, not closed.
   */
  public void writeOpenMetricsWithRetina(Writer w, String source) throws IOException {
    OpenMetricsWriter.write(this, w, counters(source), SampleSlice.ALL, true);
  }

  /**
   * The meshes whose proxies' series the simulator writes beside a byte source's ({@code simulate
   * --mesh}): markers of the Services the mesh routes, not byte sources.
   */
  public static final List<String> MESHES = List.of("linkerd");

  /** Linkerd's series of the Service calls opened by the pods {@code meshed} says it injected. */
  List<SourceCounter> linkerdCounters(java.util.function.Predicate<Pod> meshed) {
    return LinkerdWriter.counters(this, meshed);
  }

  /**
   * {@code source}'s series as {@link #writeOpenMetrics(Writer, String, SampleSlice)} writes them,
   * with {@code mesh}'s (one of {@link #MESHES}, every pod injected) beside them; returns how many
   * samples were written.
   */
  public long writeOpenMetrics(Writer w, String source, SampleSlice slice, String mesh)
      throws IOException {
    return OpenMetricsWriter.write(
        this, w, withMesh(counters(source), mesh, p -> true), slice, source.equals("retina"));
  }

  /**
   * Retina's series with Linkerd's beside them, the proxy injected only into the pods of the
   * workloads {@code injected} accepts (the {@code linkerd.io/inject} annotation on a namespace or
   * a pod template). Flushed, not closed.
   */
  public void writeOpenMetricsWithLinkerd(
      Writer w, java.util.function.Predicate<WorkloadRef> injected) throws IOException {
    OpenMetricsWriter.write(
        this,
        w,
        withMesh(null, "linkerd", p -> injected.test(p.workload())),
        SampleSlice.ALL,
        true);
  }

  private List<SourceCounter> withMesh(
      List<SourceCounter> source, String mesh, java.util.function.Predicate<Pod> meshed) {
    if (!MESHES.contains(mesh)) {
      throw new IllegalArgumentException("unknown mesh '" + mesh + "', expected one of " + MESHES);
    }
    List<SourceCounter> all = new ArrayList<>(source == null ? List.of() : source);
    all.addAll(linkerdCounters(meshed));
    return all;
  }

  /** Samples {@code mesh}'s series hold (every pod injected). */
  public long meshSampleCount(String mesh) {
    return withMesh(null, mesh, p -> true).stream().mapToLong(x -> x.present().cardinality()).sum();
  }

  /** Samples written for {@code source}: kube-state-metrics' and the source's. */
  public long sampleCount(String source) {
    List<SourceCounter> counters = counters(source);
    if (counters == null) {
      return sampleCount;
    }
    long n = 0;
    for (Series s : series) {
      if (!s.family().equals(RETINA_FORWARD_BYTES)) {
        n += presentSteps(s).cardinality();
      }
    }
    for (SourceCounter x : counters) {
      n += x.present().cardinality();
    }
    return n;
  }

  /** See {@link OpenMetricsWriter}. Flushed, not closed. */
  public void writeOpenMetrics(Writer w) throws IOException {
    OpenMetricsWriter.write(this, w);
  }

  /**
   * When a ReplicaSet was created: at its first step, or a day before the data for one that was
   * there from the start.
   */
  Instant created(ReplicaSet rs) {
    return rs.from() == 0
        ? dataStart.minus(Duration.ofDays(1))
        : dataStart.plus(interval.multipliedBy(rs.from()));
  }

  /**
   * The scrape instants at which the model's flows first have a sample, after the data's first
   * scrape (series born in the data), oldest first: where a test puts a window's edge on a birth.
   */
  public List<Instant> flowBirths() {
    return flows().stream()
        .filter(f -> f.from() > 0)
        .map(f -> time(f.from()))
        .distinct()
        .sorted()
        .toList();
  }

  /** A Deployment's ReplicaSet created at {@code at}: a rollout. */
  public record Rollout(String namespace, String deployment, String replicaSet, Instant at) {}

  /** The rollouts the model made in [from, to], oldest first (the answer to compare's list). */
  public List<Rollout> rollouts(Instant from, Instant to) {
    List<Rollout> out = new ArrayList<>();
    for (ReplicaSet rs : replicaSets) {
      Instant at = created(rs);
      if (!at.isBefore(from) && !at.isAfter(to)) {
        out.add(new Rollout(rs.namespace(), rs.deployment(), rs.name(), at));
      }
    }
    out.sort(Comparator.comparing(Rollout::at).thenComparing(Rollout::replicaSet));
    return out;
  }

  /**
   * The ready endpoints per zone ("unknown" for a node without zone) of a Service at a scrape
   * instant, from the model: what a test checks a scenario's conditions with.
   */
  public Map<String, Integer> readyEndpointsByZone(String namespace, String name, Instant at) {
    int step =
        Math.toIntExact(Duration.between(dataStart, at).getSeconds() / interval.getSeconds());
    Map<String, Integer> out = new TreeMap<>();
    for (Service s : services) {
      if (s.namespace().equals(namespace) && s.name().equals(name)) {
        for (Pod p : s.backends()) {
          if (p.from() <= step && step <= p.to()) {
            out.merge(p.zone(), 1, Integer::sum);
          }
        }
      }
    }
    return out;
  }

  /** The Services' trafficDistribution in this cluster. */
  public TrafficDistribution distribution() {
    return distribution;
  }

  /**
   * The step from which {@code s}'s endpoints carry zone hints and kube-proxy routes by them:
   * {@link Integer#MAX_VALUE} when never.
   */
  int routedFrom(Service s) {
    return ClusterBuilder.routedFrom(distribution, switchOn, s);
  }

  /** When each Service whose trafficDistribution was set mid-period was switched on. */
  Map<String, Instant> switchedOn() {
    Map<String, Instant> out = new TreeMap<>();
    switchOn.forEach((k, step) -> out.put(k, time(step)));
    return out;
  }

  /** How clients reach Services in this cluster. */
  public Routing routing() {
    return routing;
  }

  /** When each node added after the first scrape joined (its agent's data begins then). */
  public List<Instant> nodesAdded() {
    return nodes.stream().filter(n -> n.from() > 0).map(n -> time(n.from())).toList();
  }

  /** Where each TTL gap begins: a pair's c.series() are absent from here until re-created. */
  public List<Instant> ttlGaps() {
    return flows.stream().filter(f -> f.gapFrom() >= 0).map(f -> time(f.gapFrom())).toList();
  }

  BitSet outage() {
    return outage;
  }

  int steps() {
    return steps;
  }

  List<String> ksmInstances() {
    return ksmInstances;
  }

  List<ReplicaSet> replicaSets() {
    return replicaSets;
  }

  List<Service> services() {
    return services;
  }

  /** The CronJobs' runs (Jobs). */
  List<Job> jobs() {
    return jobs;
  }

  /** Whether kube-state-metrics' series are written as scraped without honor_labels. */
  public boolean ksmExportedLabels() {
    return ksmExportedLabels;
  }

  /**
   * Per CronJob ({@code namespace/name}), the Jobs whose pods' flows carry bytes in (start, end]:
   * the runs a report over that window rolls into the CronJob's rows.
   */
  public Map<String, Set<String>> cronJobRuns(Instant start, Instant end) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Flow f : flows) {
      for (Pod p : List.of(f.opener(), f.peer())) {
        if (!"Job".equals(p.ownerKind()) || !"CronJob".equals(p.workload().kind())) {
          continue;
        }
        long[] req = f.request();
        long[] rep = f.reply();
        for (int i = 0; i < req.length; i++) {
          Instant t = time(f.from() + i);
          if (t.isAfter(start) && !t.isAfter(end) && req[i] + rep[i] > 0) {
            out.computeIfAbsent(
                    p.workload().namespace() + "/" + p.workload().name(), k -> new TreeSet<>())
                .add(p.ownerName());
            break;
          }
        }
      }
    }
    return out;
  }
}
