package dev.zonecost.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.traffic.DataAggregationLevel;
import dev.zonecost.traffic.Locality;
import dev.zonecost.traffic.TrafficKey;
import dev.zonecost.traffic.TrafficRow;
import dev.zonecost.traffic.WorkloadRef;
import dev.zonecost.traffic.Zones;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
   * A connection opened by {@code opener} to {@code peer}, active over steps [from, from + n - 1];
   * {@code request[i]} bytes go opener→peer and {@code reply[i]} peer→opener in the interval ending
   * at step {@code from + i} (for i = 0: since the connection began). The bytes are produced on
   * demand ({@link FlowBytes}) so a large cluster never holds all of them at once.
   *
   * <p>A flow may go idle over steps [gapFrom, gapTo] (no bytes): Retina's TTL then expires its
   * series, which have no samples there, and re-creates them from zero when bytes flow again. No
   * gap when {@code gapFrom < 0}.
   */
  record Flow(Pod opener, Pod peer, int from, FlowBytes bytes, int gapFrom, int gapTo) {
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
  private final Map<String, TreeSet<Integer>> restartsByNode;
  private final List<Series> series;
  private final long sampleCount;

  private SimulatedCluster(Builder b) {
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
    Map<String, TreeSet<Integer>> restarts = new TreeMap<>();
    b.restarts.forEach((k, v) -> restarts.put(k, new TreeSet<>(v)));
    this.restartsByNode = Collections.unmodifiableMap(restarts);
    this.series = List.copyOf(buildSeries());
    this.sampleCount = series.stream().mapToLong(x -> presentSteps(x).cardinality()).sum();
  }

  /** A builder for the cluster a spec describes. */
  static Builder builder(SimulationSpec spec) {
    return new Builder(
        spec.scenario(),
        spec.dataStart(),
        spec.start(),
        spec.steps(),
        spec.scrapeInterval(),
        spec.level(),
        spec.nativeZones());
  }

  /** A cluster whose window starts at its first scrape (no history). */
  static Builder builder(
      String scenario,
      Instant start,
      int steps,
      Duration interval,
      DataAggregationLevel level,
      boolean nativeZones) {
    return new Builder(scenario, start, start, steps, interval, level, nativeZones);
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
    for (Flow f : flows) {
      int m = observations(f);
      // Request and reply bytes are both in series labelled by the packets' own source and
      // destination; direction is the observing node's view of who opened the connection.
      out.add(retina(f.opener(), f.peer(), EGRESS, f.opener().node(), m, f, f::request));
      out.add(retina(f.peer(), f.opener(), EGRESS, f.opener().node(), m, f, f::reply));
      if (!f.sameNode() && !f.peer().external()) {
        out.add(retina(f.opener(), f.peer(), INGRESS, f.peer().node(), m, f, f::request));
        out.add(retina(f.peer(), f.opener(), INGRESS, f.peer().node(), m, f, f::reply));
      }
    }
    return out;
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

  // ---------------------------------------------------------------- OpenMetrics

  /**
   * Writes every series as OpenMetrics text: one {@code # TYPE} per family, a family's series
   * together, each series' samples in time order, integer values, timestamps in seconds, and a
   * final {@code # EOF}. The writer is flushed, not closed. Streams: only one series' values are in
   * memory at a time.
   */
  public void writeOpenMetrics(Writer w) throws IOException {
    Writer out = w instanceof BufferedWriter ? w : new BufferedWriter(w, 1 << 16);
    long t0 = dataStart.getEpochSecond();
    long dt = interval.getSeconds();
    String family = null;
    StringBuilder line = new StringBuilder(512);
    for (Series s : series) {
      if (!s.family().equals(family)) {
        family = s.family();
        out.write("# TYPE " + family + " gauge\n");
      }
      line.setLength(0);
      line.append(s.family()).append('{');
      boolean first = true;
      for (Map.Entry<String, String> e : s.labels().entrySet()) {
        if (!first) {
          line.append(',');
        }
        first = false;
        line.append(e.getKey()).append("=\"");
        escapeLabelValue(line, e.getValue());
        line.append('"');
      }
      line.append("} ");
      int prefix = line.length();
      long[] values = s.valuesOrNull();
      BitSet present = presentSteps(s);
      for (int k = present.nextSetBit(0); k >= 0; k = present.nextSetBit(k + 1)) {
        line.setLength(prefix);
        line.append(values == null ? 1 : values[k - s.from()])
            .append(' ')
            .append(t0 + k * dt)
            .append('\n');
        out.append(line);
      }
    }
    out.write("# EOF\n");
    out.flush();
  }

  static void escapeLabelValue(StringBuilder sb, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
  }

  // ---------------------------------------------------------------- expected answer

  /** The exact answer for the whole span. */
  public List<TrafficRow> expected() {
    return expected(start(), end());
  }

  /** The exact answer for [windowStart, windowEnd] with the default one-hour look-behind. */
  public List<TrafficRow> expected(Instant windowStart, Instant windowEnd) {
    return expected(windowStart, windowEnd, LOOK_BEHIND);
  }

  /**
   * The exact answer a report over [start, end] must give, by DESIGN §3's definition of the bytes
   * of a window, applied to the samples the opener's agent reported (once per byte) in each
   * direction, with the born rule's evidence taken from every sample that agent reported. Rows with
   * zero bytes are left out; rows are in {@link TrafficRow#DEFAULT_ORDER}.
   */
  public List<TrafficRow> expected(Instant windowStart, Instant windowEnd, Duration lookBehind) {
    Objects.requireNonNull(windowStart, "start");
    Objects.requireNonNull(windowEnd, "end");
    if (windowEnd.isBefore(windowStart)) {
      throw new IllegalArgumentException("window end " + windowEnd + " before " + windowStart);
    }
    Window w = new Window(windowStart, windowEnd, lookBehind);
    Map<String, BitSet> agents = agentSteps();
    Map<TrafficKey, Long> sums = new LinkedHashMap<>();
    for (Flow f : flows) {
      Node agent = f.opener().node();
      BitSet present = flowSteps(f);
      BitSet agentSteps = agents.get(agent.agent());
      long req = windowBytes(present, f.from(), agentCounter(agent, f, f.request()), agentSteps, w);
      long rep = windowBytes(present, f.from(), agentCounter(agent, f, f.reply()), agentSteps, w);
      sums.merge(key(f.opener(), f.peer()), req, Long::sum);
      sums.merge(key(f.peer(), f.opener()), rep, Long::sum);
    }
    List<TrafficRow> rows = new ArrayList<>();
    sums.forEach(
        (k, v) -> {
          if (v != 0) {
            rows.add(new TrafficRow(k, v));
          }
        });
    rows.sort(TrafficRow.DEFAULT_ORDER);
    return List.copyOf(rows);
  }

  private static TrafficKey key(Pod src, Pod dst) {
    return new TrafficKey(src.workload(), dst.workload(), src.zone(), dst.zone());
  }

  /** The grid steps of a window: in-window [lo, hi], look-behind [behind, lo - 1]. */
  private final class Window {
    final int lo;
    final int hi;
    final int behind;

    Window(Instant start, Instant end, Duration lookBehind) {
      this.lo = firstStepAtOrAfter(start);
      this.hi = lastStepAtOrBefore(end);
      this.behind = firstStepAtOrAfter(start.minus(lookBehind));
    }
  }

  private int firstStepAtOrAfter(Instant t) {
    long ms = Duration.between(dataStart, t).toMillis();
    long step = Math.floorDiv(ms + interval.toMillis() - 1, interval.toMillis());
    return (int) Math.max(0, Math.min(step, steps + 1L));
  }

  private int lastStepAtOrBefore(Instant t) {
    long ms = Duration.between(dataStart, t).toMillis();
    return (int) Math.max(-1, Math.min(Math.floorDiv(ms, interval.toMillis()), steps));
  }

  /** The steps at which a flow's series have samples. */
  private BitSet flowSteps(Flow f) {
    BitSet b = new BitSet(steps + 1);
    b.set(f.from(), f.to() + 1);
    b.andNot(outage);
    if (f.gapFrom() >= 0) {
      b.clear(f.gapFrom(), f.gapTo() + 1);
    }
    return b;
  }

  private Map<String, BitSet> agentSteps;

  /** Per agent (instance), the steps at which it reported any sample of Retina's metric. */
  private synchronized Map<String, BitSet> agentSteps() {
    if (agentSteps == null) {
      Map<String, BitSet> m = new HashMap<>();
      for (Series s : series) {
        if (s.agent() != null) {
          m.computeIfAbsent(s.agent().agent(), k -> new BitSet(steps + 1)).or(presentSteps(s));
        }
      }
      agentSteps = m;
    }
    return agentSteps;
  }

  /**
   * DESIGN §3, for one series with values at steps from, from+1, ... and samples at the {@code
   * present} steps: the reset-aware sum of differences between consecutive in-window samples, plus
   * the first in-window value when the series was born in the window — no sample in the
   * look-behind, and its agent reported a sample in the look-behind or earlier in the window than
   * this series.
   */
  static long windowBytes(BitSet present, int from, long[] values, BitSet agent, Window w) {
    long sum = 0;
    boolean seen = false;
    long prev = 0;
    boolean preExisting = between(present, w.behind, w.lo - 1);
    boolean agentBefore = between(agent, w.behind, w.lo - 1);
    int agentFirst = agent.nextSetBit(Math.max(0, w.lo));
    for (int k = present.nextSetBit(Math.max(0, w.lo)); k >= 0 && k <= w.hi; ) {
      long v = values[k - from];
      if (!seen) {
        if (!preExisting && (agentBefore || k > agentFirst)) {
          sum += v;
        }
        seen = true;
      } else {
        sum += v >= prev ? v - prev : v;
      }
      prev = v;
      k = present.nextSetBit(k + 1);
    }
    return sum;
  }

  private static boolean between(BitSet b, int lo, int hi) {
    int k = b.nextSetBit(Math.max(0, lo));
    return k >= 0 && k <= hi;
  }

  /**
   * Per row, the increments that straddle {@code t} inside [windowStart, windowEnd]: between a
   * series' last sample before {@code t} and its first after. Two windows that meet at {@code t}
   * (off the scrape grid) add up to the whole window less these, as long as no gap in a series is
   * longer than the look-behind (true of every scenario here). For the property tests.
   */
  Map<TrafficKey, Long> straddling(Instant windowStart, Instant windowEnd, Instant t) {
    int lo = firstStepAtOrAfter(windowStart);
    int hi = lastStepAtOrBefore(windowEnd);
    int before = lastStepAtOrBefore(t.minusMillis(1));
    int after = firstStepAtOrAfter(t.plusMillis(1));
    Map<TrafficKey, Long> out = new LinkedHashMap<>();
    for (Flow f : flows) {
      BitSet present = flowSteps(f);
      int p = before < 0 ? -1 : present.previousSetBit(before);
      int n = present.nextSetBit(after);
      if (p < lo || n < 0 || n > hi) {
        continue;
      }
      Node agent = f.opener().node();
      long[] req = agentCounter(agent, f, f.request());
      long[] rep = agentCounter(agent, f, f.reply());
      out.merge(key(f.opener(), f.peer()), increment(req, f.from(), p, n), Long::sum);
      out.merge(key(f.peer(), f.opener()), increment(rep, f.from(), p, n), Long::sum);
    }
    return out;
  }

  private static long increment(long[] values, int from, int p, int n) {
    long v = values[n - from];
    long prev = values[p - from];
    return v >= prev ? v - prev : v;
  }

  /** When each node added after the first scrape joined (its agent's data begins then). */
  public List<Instant> nodesAdded() {
    return nodes.stream().filter(n -> n.from() > 0).map(n -> time(n.from())).toList();
  }

  /** Where each TTL gap begins: a pair's series are absent from here until re-created. */
  public List<Instant> ttlGaps() {
    return flows.stream().filter(f -> f.gapFrom() >= 0).map(f -> time(f.gapFrom())).toList();
  }

  /** Totals per locality and overall, always the sum of the rows. */
  public static Map<Locality, Long> totals(List<TrafficRow> rows) {
    Map<Locality, Long> totals = new EnumMap<>(Locality.class);
    for (Locality l : Locality.values()) {
      totals.put(l, 0L);
    }
    for (TrafficRow r : rows) {
      totals.merge(r.locality(), r.bytes(), Long::sum);
    }
    return totals;
  }

  /** Writes the expected answer for the whole span as JSON (schemaVersion 1). */
  public void writeExpectedJson(Writer w) throws IOException {
    writeExpectedJson(w, start(), end());
  }

  /** Writes the expected answer for [windowStart, windowEnd] as JSON. Flushed, not closed. */
  public void writeExpectedJson(Writer w, Instant windowStart, Instant windowEnd)
      throws IOException {
    List<TrafficRow> rows = expected(windowStart, windowEnd);
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("scenario", scenario);
    ObjectNode window = root.putObject("window");
    window.put("start", windowStart.toString());
    window.put("end", windowEnd.toString());
    root.put("dataAggregationLevel", level.label());
    root.put("nativeZones", nativeZones);
    ArrayNode array = root.putArray("rows");
    for (TrafficRow r : rows) {
      TrafficKey k = r.key();
      ObjectNode o = array.addObject();
      o.put("source_namespace", k.source().namespace());
      o.put("source_workload", k.source().name());
      o.put("source_workload_kind", k.source().kind());
      o.put("destination_namespace", k.destination().namespace());
      o.put("destination_workload", k.destination().name());
      o.put("destination_workload_kind", k.destination().kind());
      o.put("source_zone", k.sourceZone());
      o.put("destination_zone", k.destinationZone());
      o.put("locality", r.locality().label());
      o.put("bytes", r.bytes());
    }
    ObjectNode totals = root.putObject("totals");
    long all = 0;
    for (Map.Entry<Locality, Long> e : totals(rows).entrySet()) {
      totals.put(e.getKey().label(), e.getValue());
      all += e.getValue();
    }
    totals.put("all", all);
    mapper.writeValue(w, root);
    w.write('\n');
    w.flush();
  }

  // ---------------------------------------------------------------- builder

  /** Assembles a cluster by hand: used by {@link Simulator} and by tests with tiny clusters. */
  static final class Builder {
    private final String scenario;
    private final Instant dataStart;
    private final Instant windowStart;
    private final BitSet outage = new BitSet();
    private final int steps;
    private final Duration interval;
    private final DataAggregationLevel level;
    private final boolean nativeZones;
    private final List<String> ksmInstances = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<ReplicaSet> replicaSets = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();
    private final List<Flow> flows = new ArrayList<>();
    private final Map<String, TreeSet<Integer>> restarts = new TreeMap<>();
    private final Map<String, List<Pod>> podsByIp = new HashMap<>();
    private final Set<List<Pod>> pairs = new HashSet<>();

    private Builder(
        String scenario,
        Instant dataStart,
        Instant windowStart,
        int steps,
        Duration interval,
        DataAggregationLevel level,
        boolean nativeZones) {
      if (steps < 0) {
        throw new IllegalArgumentException("steps < 0");
      }
      this.scenario = Objects.requireNonNull(scenario);
      this.dataStart = Objects.requireNonNull(dataStart);
      this.windowStart = Objects.requireNonNull(windowStart);
      this.steps = steps;
      this.interval = Objects.requireNonNull(interval);
      this.level = Objects.requireNonNull(level);
      this.nativeZones = nativeZones;
    }

    int steps() {
      return steps;
    }

    Builder ksmInstance(String instance) {
      ksmInstances.add(instance);
      return this;
    }

    Node node(String name, String ip, String zone) {
      return node(name, ip, zone, 0);
    }

    /** A node (and its Retina agent) that joins the cluster at step {@code from}. */
    Node node(String name, String ip, String zone, int from) {
      checkLife(from, from);
      Node n = new Node(name, ip, zone, from);
      nodes.add(n);
      return n;
    }

    /** Prometheus scrapes nothing over steps [from, to]: a restart, a WAL replay, an outage. */
    Builder outage(int from, int to) {
      checkLife(from, to);
      outage.set(from, to + 1);
      return this;
    }

    /**
     * The flow goes idle over steps [gapFrom, gapTo]: Retina's TTL expires its series, which come
     * back from zero when bytes flow again. Both ends must lie strictly inside the flow's life.
     */
    Flow expire(Flow f, int gapFrom, int gapTo) {
      if (gapFrom <= f.from() || gapTo >= f.to() || gapFrom > gapTo || f.gapFrom() >= 0) {
        throw new IllegalArgumentException("a TTL gap must lie inside the flow's life");
      }
      Flow g = new Flow(f.opener(), f.peer(), f.from(), f.bytes(), gapFrom, gapTo);
      flows.set(flows.indexOf(f), g);
      return g;
    }

    ReplicaSet replicaSet(String namespace, String name, String deployment, int from, int to) {
      checkLife(from, to);
      ReplicaSet rs = new ReplicaSet(namespace, name, deployment, from, to);
      replicaSets.add(rs);
      return rs;
    }

    Pod pod(
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
      checkLife(from, to);
      Objects.requireNonNull(node, "node");
      if (from < node.from()) {
        throw new IllegalArgumentException("pod " + name + " before its node " + node.name());
      }
      List<Pod> sameIp = podsByIp.computeIfAbsent(ip, k -> new ArrayList<>());
      for (Pod p : sameIp) {
        if (p.from() <= to && from <= p.to()) {
          throw new IllegalArgumentException("pod IP " + ip + " in use by " + p.name());
        }
      }
      Pod p = new Pod(namespace, name, uid, ip, node, ownerKind, ownerName, workload, from, to);
      pods.add(p);
      sameIp.add(p);
      return p;
    }

    /** An endpoint outside the cluster: no node, no kube-state-metrics series, unknown zone. */
    Pod external(String ip) {
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

    /** The first step at which both pods live, or -1 when their lives do not overlap. */
    static int overlapFrom(Pod a, Pod b) {
      int from = Math.max(a.from(), b.from());
      int to = Math.min(a.to(), b.to());
      return from <= to ? from : -1;
    }

    static int overlapTo(Pod a, Pod b) {
      return Math.min(a.to(), b.to());
    }

    /** A connection over the whole overlap of the two pods' lives; arrays cover that overlap. */
    Flow flow(Pod opener, Pod peer, long[] request, long[] reply) {
      if (request.length != reply.length) {
        throw new IllegalArgumentException("request and reply arrays differ in length");
      }
      return flow(opener, peer, new FixedBytes(request.clone(), reply.clone()));
    }

    /** A connection over the whole overlap of the two pods' lives; {@code bytes} covers it. */
    Flow flow(Pod opener, Pod peer, FlowBytes bytes) {
      if (opener.external()) {
        throw new IllegalArgumentException("an external endpoint cannot open a flow here");
      }
      int from = overlapFrom(opener, peer);
      if (from < 0) {
        throw new IllegalArgumentException(opener.name() + " and " + peer.name() + " never meet");
      }
      int length = overlapTo(opener, peer) - from + 1;
      if (bytes.length() != length) {
        throw new IllegalArgumentException("byte arrays must have " + length + " entries");
      }
      if (pairs.contains(List.of(peer, opener)) || !pairs.add(List.of(opener, peer))) {
        throw new IllegalArgumentException("one flow per pod pair");
      }
      Flow f = new Flow(opener, peer, from, bytes, -1, -1);
      flows.add(f);
      return f;
    }

    /** The agent on {@code node} restarts at {@code step}: every series it observes resets. */
    Builder restart(Node node, int step) {
      checkLife(step, step);
      restarts.computeIfAbsent(node.name(), k -> new TreeSet<>()).add(step);
      return this;
    }

    SimulatedCluster build() {
      return new SimulatedCluster(this);
    }

    private void checkLife(int from, int to) {
      if (from < 0 || to > steps || from > to) {
        throw new IllegalArgumentException(
            "life [" + from + ", " + to + "] outside [0, " + steps + "]");
      }
    }
  }
}
