package dev.zonecost.simulate;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A synthetic cluster: its Retina and kube-state-metrics series (as OpenMetrics for {@code promtool
 * tsdb create-blocks-from openmetrics}) and the exact answer a report over any window must give.
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

  /**
   * A node; {@code zone} is null when the node has no zone label. It (and its Retina agent) exists
   * from step {@code from}: a node added to the cluster later has a later one.
   */
  record Node(String name, String ip, String zone, int from) {
    String zoneOrUnknown() {
      return zone == null ? Zones.UNKNOWN : zone;
    }

    String agent() {
      return "retina-" + name;
    }
  }

  /**
   * A pod incarnation living over grid steps [from, to], or an external endpoint ({@code node ==
   * null}). {@code ownerKind}/{@code ownerName} are its first owner (kube_pod_info's created_by_*,
   * Retina's *_workload_*); {@code workload} is what a report rolls it up to.
   */
  record Pod(
      String namespace,
      String name,
      String uid,
      String ip,
      Node node,
      String ownerKind,
      String ownerName,
      WorkloadRef workload,
      int from,
      int to) {

    boolean external() {
      return node == null;
    }

    String zone() {
      return external() ? Zones.UNKNOWN : node.zoneOrUnknown();
    }
  }

  record ReplicaSet(String namespace, String name, String deployment, int from, int to) {}

  /**
   * A ClusterIP Service: clients address {@code clusterIp}; kube-proxy picks a backend after
   * Retina's hook on the client's veth (DESIGN §3, "What a real cluster emits"). Its EndpointSlice
   * lists the {@code backends} while they live.
   */
  record Service(String namespace, String name, String uid, String clusterIp, List<Pod> backends) {
    String slice() {
      return name + "-" + uid.substring(0, 5);
    }
  }

  /**
   * A connection opened by {@code opener} to {@code peer}, active over steps [from, from + n - 1];
   * {@code request[i]} bytes go opener→peer and {@code reply[i]} peer→opener in the interval ending
   * at step {@code from + i} (for i = 0: since the connection began). The bytes are produced on
   * demand ({@link FlowBytes}) so a large cluster never holds all of them at once.
   *
   * <p>A flow may go idle over steps [gapFrom, gapTo] (no bytes): Retina's TTL then expires its
   * series, which have no samples there, and re-creates them from zero when bytes flow again. No
   * gap when {@code gapFrom < 0}.
   */
  record Flow(
      Pod opener, Pod peer, int from, FlowBytes bytes, int gapFrom, int gapTo, Service via) {
    int to() {
      return from + bytes.length() - 1;
    }

    long[] request() {
      return idle(bytes.request());
    }

    long[] reply() {
      return idle(bytes.reply());
    }

    boolean inGap(int step) {
      return gapFrom >= 0 && step >= gapFrom && step <= gapTo;
    }

    private long[] idle(long[] b) {
      for (int k = Math.max(from, gapFrom); gapFrom >= 0 && k <= gapTo; k++) {
        b[k - from] = 0;
      }
      return b;
    }

    boolean sameNode() {
      return !peer.external() && opener.node().equals(peer.node());
    }

    /** Whether the peer's node reports the pod pair as INGRESS (pod-IP across nodes, Services). */
    boolean hasIngress() {
      return !peer.external() && (via != null || !sameNode());
    }
  }

  /**
   * One series over steps [from, to]: constant 1 when {@code values} is null, else the values it
   * computes on demand (one per step), so that writing a series holds only that series' samples.
   */
  record Series(
      String family,
      Map<String, String> labels,
      int from,
      int to,
      Supplier<long[]> values,
      Flow flow,
      Node agent) {
    Series(String family, Map<String, String> labels, int from, int to, Supplier<long[]> values) {
      this(family, labels, from, to, values, null, null);
    }

    /** The series' values, one per step from {@code from}; computed afresh on each call. */
    long[] valuesOrNull() {
      return values == null ? null : values.get();
    }
  }

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
  private final List<Pod> pods;
  private final List<Flow> flows;
  private final List<Service> services;
  private final Routing routing;
  private final TrafficDistribution distribution;
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
    this.pods = List.copyOf(b.pods);
    this.flows = List.copyOf(b.flows);
    this.services = List.copyOf(b.services);
    this.routing = b.routing;
    this.distribution = b.distribution;
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

  /** The window's start: the default window of {@link #expected()} is [start, end]. */
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

  private List<Series> buildSeries() {
    List<Series> out = new ArrayList<>();
    for (String instance : ksmInstances) {
      for (Node n : nodes) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("node", n.name());
        if (n.zone() != null) {
          l.put(ZONE_LABEL, n.zone());
        }
        l.put("label_kubernetes_io_os", "linux");
        ksmTarget(l, instance);
        out.add(new Series(KUBE_NODE_LABELS, l, n.from(), steps, null));
      }
    }
    if (!scenario.equals(SimulationSpec.LARGE)) {
      nodeCpu(out);
    }
    for (String instance : ksmInstances) {
      for (Pod p : pods) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", p.namespace());
        l.put("pod", p.name());
        l.put("uid", p.uid());
        l.put("host_ip", p.node().ip());
        l.put("pod_ip", p.ip());
        l.put("node", p.node().name());
        l.put("created_by_kind", p.ownerKind());
        l.put("created_by_name", p.ownerName());
        l.put("priority_class", "");
        l.put("host_network", "false");
        ksmTarget(l, instance);
        out.add(new Series(KUBE_POD_INFO, l, p.from(), p.to(), null));
      }
    }
    for (String instance : ksmInstances) {
      for (ReplicaSet rs : replicaSets) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", rs.namespace());
        l.put("replicaset", rs.name());
        l.put("owner_kind", "Deployment");
        l.put("owner_name", rs.deployment());
        l.put("owner_is_controller", "true");
        ksmTarget(l, instance);
        out.add(new Series(KUBE_REPLICASET_OWNER, l, rs.from(), rs.to(), null));
      }
    }
    for (String instance : ksmInstances) {
      for (ReplicaSet rs : replicaSets) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", rs.namespace());
        l.put("replicaset", rs.name());
        ksmTarget(l, instance);
        long created = created(rs).getEpochSecond();
        int n = rs.to() - rs.from() + 1;
        out.add(
            new Series(
                KUBE_REPLICASET_CREATED,
                l,
                rs.from(),
                rs.to(),
                () -> {
                  long[] v = new long[n];
                  Arrays.fill(v, created);
                  return v;
                }));
      }
    }
    serviceInfo(out);
    hints(out);
    List<Series> retina = new ArrayList<>();
    for (Flow f : flows) {
      if (f.via() != null) {
        throughService(retina, f);
      } else if (f.peer().external() && routing.masquerades()) {
        toOutside(retina, f);
      } else {
        int m = observations(f);
        // Request and reply bytes are both in series labelled by the packets' own source and
        // destination; direction is the observing node's view of who opened the connection.
        retina.add(retina(f.opener(), f.peer(), EGRESS, f.opener().node(), m, f, f::request));
        retina.add(retina(f.peer(), f.opener(), EGRESS, f.opener().node(), m, f, f::reply));
        if (f.hasIngress()) {
          retina.add(retina(f.opener(), f.peer(), INGRESS, f.peer().node(), m, f, f::request));
          retina.add(retina(f.peer(), f.opener(), INGRESS, f.peer().node(), m, f, f::reply));
        }
      }
    }
    out.addAll(merged(retina));
    return out;
  }

  /**
   * A connection to a Service's ClusterIP, DNATed by kube-proxy after Retina's hook on the client's
   * veth (DESIGN §3's table): the client's node sees the client and the ClusterIP (EGRESS, once),
   * at {@code low} also the pod pair leaving the node (EGRESS, once); the backend's node sees the
   * pod pair (INGRESS: twice at {@code low} across nodes — host interface and veth — else once).
   */
  private void throughService(List<Series> out, Flow f) {
    Pod c = f.opener();
    Pod s = f.peer();
    Pod v = address(f.via().clusterIp());
    boolean across = !c.node().equals(s.node());
    boolean low = level == DataAggregationLevel.LOW;
    out.add(retina(c, v, EGRESS, c.node(), 1, f, f::request));
    out.add(retina(v, c, EGRESS, c.node(), 1, f, f::reply));
    if (across && low) {
      out.add(retina(c, s, EGRESS, c.node(), 1, f, f::request));
      out.add(retina(s, c, EGRESS, c.node(), 1, f, f::reply));
    }
    int m = across && low ? 2 : 1;
    out.add(retina(c, s, INGRESS, s.node(), m, f, f::request));
    out.add(retina(s, c, INGRESS, s.node(), m, f, f::reply));
  }

  /**
   * Traffic to outside the cluster: the pod's veth sees it once (EGRESS); at {@code low} the host
   * interface sees it again after masquerading, with the node's IP as its source.
   */
  private void toOutside(List<Series> out, Flow f) {
    Pod c = f.opener();
    Pod ext = f.peer();
    out.add(retina(c, ext, EGRESS, c.node(), 1, f, f::request));
    out.add(retina(ext, c, EGRESS, c.node(), 1, f, f::reply));
    if (level == DataAggregationLevel.LOW) {
      Pod host = address(c.node().ip());
      out.add(retina(host, ext, EGRESS, c.node(), 1, f, f::request));
      out.add(retina(ext, host, EGRESS, c.node(), 1, f, f::reply));
    }
  }

  /** An address Retina cannot name: a ClusterIP, a node's IP, the outside. */
  private Pod address(String ip) {
    return address(ip, steps);
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
   * Retina's series carry no ports, so connections with the same labels on one agent (a client's
   * calls to one Service through several backends) are one series: their counters add up, each
   * keeping its last value once its connection ended.
   */
  private static List<Series> merged(List<Series> series) {
    Map<Map<String, String>, List<Series>> byLabels = new LinkedHashMap<>();
    for (Series s : series) {
      byLabels.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(s);
    }
    List<Series> out = new ArrayList<>();
    for (List<Series> same : byLabels.values()) {
      if (same.size() == 1) {
        out.add(same.get(0));
        continue;
      }
      int from = same.stream().mapToInt(Series::from).min().orElseThrow();
      int to = same.stream().mapToInt(Series::to).max().orElseThrow();
      Supplier<long[]> values =
          () -> {
            long[] sum = new long[to - from + 1];
            for (Series s : same) {
              long[] v = s.valuesOrNull();
              for (int k = from; k <= to; k++) {
                sum[k - from] += k < s.from() ? 0 : v[Math.min(k, s.to()) - s.from()];
              }
            }
            return sum;
          };
      Series first = same.get(0);
      out.add(new Series(first.family(), first.labels(), from, to, values, null, first.agent()));
    }
    return out;
  }

  /** kube-state-metrics' allocatable CPU per node (what topology-mode Auto weighs zones by). */
  private void nodeCpu(List<Series> out) {
    for (String instance : ksmInstances) {
      for (Node n : nodes) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("node", n.name());
        l.put("resource", "cpu");
        l.put("unit", "core");
        ksmTarget(l, instance);
        int length = steps - n.from() + 1;
        out.add(
            new Series(
                KUBE_NODE_ALLOCATABLE,
                l,
                n.from(),
                steps,
                () -> {
                  long[] v = new long[length];
                  java.util.Arrays.fill(v, NODE_CPU_CORES);
                  return v;
                }));
      }
    }
  }

  /**
   * Under PreferSameZone, the zone hint the EndpointSlice controller puts on every ready endpoint
   * with a zone ({@code staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go}), as
   * kube-state-metrics exports it (its {@code internal/store/endpointslice.go}).
   */
  private void hints(List<Series> out) {
    if (distribution != TrafficDistribution.PREFER_SAME_ZONE) {
      return;
    }
    for (String instance : ksmInstances) {
      for (Service s : services) {
        for (Pod p : s.backends()) {
          if (p.node().zone() == null) {
            continue;
          }
          Map<String, String> l = new LinkedHashMap<>();
          l.put("endpointslice", s.slice());
          l.put("namespace", s.namespace());
          l.put("address", p.ip());
          l.put("for_zone", p.node().zone());
          ksmTarget(l, instance);
          out.add(new Series(KUBE_ENDPOINTSLICE_HINTS, l, p.from(), p.to(), null));
        }
      }
    }
  }

  /** kube-state-metrics' Services, their EndpointSlices and the slices' Service names. */
  private void serviceInfo(List<Series> out) {
    for (String instance : ksmInstances) {
      for (Service s : services) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", s.namespace());
        l.put("service", s.name());
        l.put("uid", s.uid());
        l.put("cluster_ip", s.clusterIp());
        l.put("external_name", "");
        l.put("load_balancer_ip", "");
        l.put("external_traffic_policy", "Cluster");
        ksmTarget(l, instance);
        out.add(new Series(KUBE_SERVICE_INFO, l, 0, steps, null));
      }
    }
    for (String instance : ksmInstances) {
      for (Service s : services) {
        for (Pod p : s.backends()) {
          Map<String, String> l = new LinkedHashMap<>();
          l.put("endpointslice", s.slice());
          l.put("namespace", s.namespace());
          l.put("ready", "true");
          l.put("serving", "true");
          l.put("terminating", "false");
          l.put("hostname", "");
          l.put("targetref_kind", "Pod");
          l.put("targetref_name", p.name());
          l.put("targetref_namespace", p.namespace());
          l.put("endpoint_nodename", p.node().name());
          if (p.node().zone() != null) {
            l.put("endpoint_zone", p.node().zone());
          }
          l.put("address", p.ip());
          ksmTarget(l, instance);
          out.add(new Series(KUBE_ENDPOINTSLICE_ENDPOINTS, l, p.from(), p.to(), null));
        }
      }
    }
    for (String instance : ksmInstances) {
      for (Service s : services) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("endpointslice", s.slice());
        l.put("namespace", s.namespace());
        l.put("label_kubernetes_io_service_name", s.name());
        ksmTarget(l, instance);
        out.add(new Series(KUBE_ENDPOINTSLICE_LABELS, l, 0, steps, null));
      }
    }
  }

  /** Observations of one byte per observing agent (DESIGN §3's table). */
  private int observations(Flow f) {
    if (f.sameNode()) {
      return 2;
    }
    return level == DataAggregationLevel.LOW ? 2 : 1;
  }

  private static void ksmTarget(Map<String, String> l, String instance) {
    l.put("instance", instance);
    l.put("job", KSM_JOB);
  }

  private Series retina(
      Pod src,
      Pod dst,
      String direction,
      Node agent,
      int multiplicity,
      Flow f,
      Supplier<long[]> bytes) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("direction", direction);
    endpoint(l, "source_", src);
    endpoint(l, "destination_", dst);
    l.put("instance", agent.agent());
    l.put("job", RETINA_JOB);
    Supplier<long[]> values =
        () -> {
          long[] counter = agentCounter(agent, f, bytes.get());
          for (int i = 0; i < counter.length; i++) {
            counter[i] *= multiplicity;
          }
          return counter;
        };
    return new Series(RETINA_FORWARD_BYTES, l, f.from(), f.to(), values, f, agent);
  }

  private void endpoint(Map<String, String> l, String prefix, Pod p) {
    l.put(prefix + "ip", p.ip());
    l.put(prefix + "namespace", p.external() ? Zones.UNKNOWN : p.namespace());
    l.put(prefix + "podname", p.external() ? Zones.UNKNOWN : p.name());
    l.put(prefix + "workload_kind", p.external() ? Zones.UNKNOWN : p.ownerKind());
    l.put(prefix + "workload_name", p.external() ? Zones.UNKNOWN : p.ownerName());
    if (nativeZones) {
      l.put(prefix + "zone", p.zone());
    }
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

  // ---------------------------------------------------------------- delegates

  private ExpectedAnswer answer;

  private synchronized ExpectedAnswer answer() {
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
  private synchronized List<SourceCounter> counters(String source) {
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

  /**
   * The exact answer of a reading of {@code source}'s series over [windowStart, windowEnd] with the
   * default look-behind: Retina's under {@code auto}, another source's by its kept copies ({@link
   * ExpectedAnswer#expectedOf}).
   */
  public List<TrafficRow> expected(String source, Instant windowStart, Instant windowEnd) {
    // Without the agent's IP a reading cannot tell the copies apart; the answer it should approach
    // is the same flows' with the IPs selected.
    List<SourceCounter> counters = counters(source.equals("beyla-no-agent-ip") ? "beyla" : source);
    return counters == null
        ? expected(windowStart, windowEnd)
        : answer().expectedOf(counters, windowStart, windowEnd, LOOK_BEHIND);
  }

  /** Writes {@code source}'s expected answer for the whole window as JSON. */
  public void writeExpectedJson(Writer w, String source) throws IOException {
    answer().writeExpectedJson(w, windowStart, end(), expected(source, windowStart, end()), source);
  }

  /** See {@link OpenMetricsWriter}. Flushed, not closed. */
  public void writeOpenMetrics(Writer w) throws IOException {
    OpenMetricsWriter.write(this, w);
  }

  /** The exact answer for the whole window [start, end]. */
  public List<TrafficRow> expected() {
    return answer().expected();
  }

  /** The exact answer for [windowStart, windowEnd] with the default one-hour look-behind. */
  public List<TrafficRow> expected(Instant windowStart, Instant windowEnd) {
    return answer().expected(windowStart, windowEnd);
  }

  /** The exact answer for [windowStart, windowEnd] with the given look-behind. */
  public List<TrafficRow> expected(Instant windowStart, Instant windowEnd, Duration lookBehind) {
    return answer().expected(windowStart, windowEnd, lookBehind);
  }

  /** The exact answer under {@code auto}, or under {@code egress} on pod-IP-only data. */
  public List<TrafficRow> expected(
      Instant windowStart, Instant windowEnd, Duration lookBehind, DedupeMode rule) {
    return answer().expected(windowStart, windowEnd, lookBehind, rule);
  }

  /** The exact answer of {@code --group-by service} (under {@code auto}). */
  public List<TrafficRow> expectedByService(Instant windowStart, Instant windowEnd) {
    return answer().expectedByService(windowStart, windowEnd);
  }

  /**
   * When a ReplicaSet was created: at its first step, or a day before the data for one that was
   * there from the start.
   */
  private Instant created(ReplicaSet rs) {
    return rs.from() == 0
        ? dataStart.minus(Duration.ofDays(1))
        : dataStart.plus(interval.multipliedBy(rs.from()));
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

  /** How clients reach Services in this cluster. */
  public Routing routing() {
    return routing;
  }

  /** See {@link ExpectedAnswer#straddling}. */
  Map<TrafficKey, Long> straddling(Instant windowStart, Instant windowEnd, Instant t) {
    return answer().straddling(windowStart, windowEnd, t);
  }

  /** Totals per locality and overall, always the sum of the rows. */
  public static Map<Locality, Long> totals(List<TrafficRow> rows) {
    return ExpectedAnswer.totals(rows);
  }

  /** Writes the expected answer for the whole window as JSON (schemaVersion 1). */
  public void writeExpectedJson(Writer w) throws IOException {
    answer().writeExpectedJson(w);
  }

  /** Writes the expected answer for [windowStart, windowEnd] as JSON. Flushed, not closed. */
  public void writeExpectedJson(Writer w, Instant windowStart, Instant windowEnd)
      throws IOException {
    answer().writeExpectedJson(w, windowStart, windowEnd);
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
}
