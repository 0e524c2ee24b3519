package dev.zonecost.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.NodeBytes;
import dev.zonecost.accounting.Subnets;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Series;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulator's oracle: the exact answer a report over any window must give, computed from the
 * cluster's own model — the bytes each flow's opener's agent counted, the samples Prometheus holds
 * (outages and TTL gaps left out), and DESIGN §3's definition of the bytes of a window with its
 * born rule — never by reading the series back or by calling the code under test. It covers the
 * default dedupe ({@code egress}: the opener's counters, once per byte, at either aggregation
 * level) and the workload grouping; other dedupe modes and groupings are checked against it in the
 * tests by how they must relate to it.
 */
public final class ExpectedAnswer {
  private final SimulatedCluster c;

  ExpectedAnswer(SimulatedCluster c) {
    this.c = c;
  }

  /** The exact answer for the whole span. */
  public List<TrafficRow> expected() {
    return expected(c.start(), c.end());
  }

  /** The exact answer for [windowStart, windowEnd] with the default one-hour look-behind. */
  public List<TrafficRow> expected(Instant windowStart, Instant windowEnd) {
    return expected(windowStart, windowEnd, SimulatedCluster.LOOK_BEHIND);
  }

  /**
   * The exact answer a report over [start, end] must give, by DESIGN §3's definition of the bytes
   * of a window, applied to the samples the opener's agent reported (once per byte) in each
   * direction, with the born rule's evidence taken from every sample that agent reported. Rows with
   * zero bytes are left out; rows are in {@link TrafficRow#DEFAULT_ORDER}.
   */
  public List<TrafficRow> expected(Instant windowStart, Instant windowEnd, Duration lookBehind) {
    return expected(windowStart, windowEnd, lookBehind, DedupeMode.AUTO);
  }

  /**
   * The agent whose counters a rule reads for a flow: {@code auto} the peer's node where it reports
   * the pod pair as INGRESS (pod-IP across nodes, every Service connection), else the opener's;
   * {@code egress} always the opener's, which only pod-IP data (no Service, no masquerading) lets
   * it count once per byte.
   */
  static Node agent(Flow f, DedupeMode rule) {
    if (f.withHost()) {
      // the pod's node sees every byte of a node end at both levels
      return f.podEnd().node();
    }
    return switch (rule) {
      case AUTO -> f.hasIngress() ? f.peer().node() : f.opener().node();
      case EGRESS -> f.opener().node();
      default -> throw new IllegalArgumentException("the simulator answers for auto and egress");
    };
  }

  /** The exact answer under a dedupe rule: {@code auto}, or {@code egress} on pod-IP data. */
  public List<TrafficRow> expected(
      Instant windowStart, Instant windowEnd, Duration lookBehind, DedupeMode rule) {
    return expected(windowStart, windowEnd, lookBehind, rule, false, false);
  }

  /**
   * The exact answer of a report given the cluster's subnets ({@link
   * SimulatedCluster#subnetsYaml}): an endpoint outside the cluster in one is that subnet, with its
   * zone, instead of unknown.
   */
  public List<TrafficRow> expectedWithSubnets(Instant windowStart, Instant windowEnd) {
    return expected(
        windowStart, windowEnd, SimulatedCluster.LOOK_BEHIND, DedupeMode.AUTO, false, true);
  }

  /**
   * The exact answer of {@code --group-by service}: a connection a client made to a Service's
   * ClusterIP has the Service, not the pod that answered, at its far end (with that pod's zone).
   */
  public List<TrafficRow> expectedByService(Instant windowStart, Instant windowEnd) {
    return expected(
        windowStart, windowEnd, SimulatedCluster.LOOK_BEHIND, DedupeMode.AUTO, true, false);
  }

  private List<TrafficRow> expected(
      Instant windowStart,
      Instant windowEnd,
      Duration lookBehind,
      DedupeMode rule,
      boolean byService,
      boolean subnets) {
    Objects.requireNonNull(windowStart, "start");
    Objects.requireNonNull(windowEnd, "end");
    if (windowEnd.isBefore(windowStart)) {
      throw new IllegalArgumentException("window end " + windowEnd + " before " + windowStart);
    }
    Window w = new Window(windowStart, windowEnd, lookBehind);
    Map<String, BitSet> agents = agentSteps();
    Map<TrafficKey, Long> sums = new LinkedHashMap<>();
    for (Flow f : c.flows()) {
      Node agent = agent(f, rule);
      BitSet present = flowSteps(f);
      BitSet agentSteps = agents.get(agent.agent());
      long req =
          windowBytes(present, f.from(), c.agentCounter(agent, f, f.request()), agentSteps, w);
      long rep = windowBytes(present, f.from(), c.agentCounter(agent, f, f.reply()), agentSteps, w);
      TrafficKey request = key(f.opener(), f.peer(), subnets);
      TrafficKey reply = key(f.peer(), f.opener(), subnets);
      if (byService && f.via() != null) {
        WorkloadRef v = GroupBy.service(f.via().namespace(), f.via().name(), "");
        request =
            new TrafficKey(request.source(), v, request.sourceZone(), request.destinationZone());
        reply = new TrafficKey(v, reply.destination(), reply.sourceZone(), reply.destinationZone());
      }
      sums.merge(request, req, Long::sum);
      sums.merge(reply, rep, Long::sum);
      String client = c.nodePortClient(f);
      if (client != null && c.level() == DataAggregationLevel.LOW) {
        // the outside client's leg into the forwarding node: its host interface, at low only
        Node via = f.opener().node();
        BitSet viaSteps = agents.get(via.agent());
        Pod outside = SimulatedCluster.address(client, c.steps());
        sums.merge(
            key(outside, f.opener()),
            windowBytes(present, f.from(), c.agentCounter(via, f, f.request()), viaSteps, w),
            Long::sum);
        sums.merge(
            key(f.opener(), outside),
            windowBytes(present, f.from(), c.agentCounter(via, f, f.reply()), viaSteps, w),
            Long::sum);
      }
    }
    return rows(sums);
  }

  /**
   * Per node, the bytes a report over [windowStart, windowEnd] books to the node's network by
   * locality ({@code reconcile}'s measured and outside columns): each flow's window bytes, as
   * {@link #expected} counts them, sent by the node of one end and received by the other's (a node
   * end is the node itself; the outside has none); with {@code subnets}, an end in one of the
   * cluster's subnets has its zone.
   */
  public Map<String, NodeBytes> nodeBytes(Instant windowStart, Instant windowEnd, boolean subnets) {
    Window w = new Window(windowStart, windowEnd, SimulatedCluster.LOOK_BEHIND);
    Map<String, BitSet> agents = agentSteps();
    Map<String, long[]> sums = new java.util.TreeMap<>();
    for (Flow f : c.flows()) {
      Node agent = agent(f, DedupeMode.AUTO);
      BitSet present = flowSteps(f);
      BitSet agentSteps = agents.get(agent.agent());
      long req =
          windowBytes(present, f.from(), c.agentCounter(agent, f, f.request()), agentSteps, w);
      long rep = windowBytes(present, f.from(), c.agentCounter(agent, f, f.reply()), agentSteps, w);
      tally(sums, f.opener(), f.peer(), req, subnets);
      tally(sums, f.peer(), f.opener(), rep, subnets);
      String client = c.nodePortClient(f);
      if (client != null && c.level() == DataAggregationLevel.LOW) {
        Node via = f.opener().node();
        BitSet viaSteps = agents.get(via.agent());
        Pod outside = SimulatedCluster.address(client, c.steps());
        tally(
            sums,
            outside,
            f.opener(),
            windowBytes(present, f.from(), c.agentCounter(via, f, f.request()), viaSteps, w),
            subnets);
        tally(
            sums,
            f.opener(),
            outside,
            windowBytes(present, f.from(), c.agentCounter(via, f, f.reply()), viaSteps, w),
            subnets);
      }
    }
    Map<String, NodeBytes> out = new java.util.TreeMap<>();
    sums.forEach((n, v) -> out.put(n, new NodeBytes(v[0], v[1], v[2], v[3], v[4], v[5])));
    return out;
  }

  /**
   * What a flow's counters show of its bytes over [start, end] at the agent {@link #nodeBytes}
   * reads ({@code --dedupe auto}): {request, reply}. Set against the bytes the flow moved in the
   * same time, the difference is what the scrapes cannot show (a sample missing at an edge, an
   * agent restart, a series' first interval).
   */
  long[] shown(Flow f, Instant start, Instant end) {
    Window w = new Window(start, end, SimulatedCluster.LOOK_BEHIND);
    Node agent = agent(f, DedupeMode.AUTO);
    BitSet present = flowSteps(f);
    BitSet agentSteps = agentSteps().get(agent.agent());
    return new long[] {
      windowBytes(present, f.from(), c.agentCounter(agent, f, f.request()), agentSteps, w),
      windowBytes(present, f.from(), c.agentCounter(agent, f, f.reply()), agentSteps, w)
    };
  }

  private void tally(Map<String, long[]> sums, Pod src, Pod dst, long bytes, boolean subnets) {
    if (bytes == 0) {
      return;
    }
    TrafficKey k = key(src, dst, subnets);
    int l = Locality.of(k.sourceZone(), k.destinationZone()).ordinal();
    if (src.node() != null) {
      sums.computeIfAbsent(src.node().name(), x -> new long[6])[l] += bytes;
    }
    if (dst.node() != null) {
      sums.computeIfAbsent(dst.node().name(), x -> new long[6])[3 + l] += bytes;
    }
  }

  /**
   * The answer of {@code --node-traffic unknown}: the same bytes, an end that is a node booked as
   * Retina names it (unknown workload, unknown zone).
   */
  public static List<TrafficRow> nodesAsUnknown(List<TrafficRow> rows) {
    Map<TrafficKey, Long> sums = new LinkedHashMap<>();
    for (TrafficRow r : rows) {
      TrafficKey k = r.key();
      boolean src = k.source().kind().equals(ClusterModel.HOST_KIND);
      boolean dst = k.destination().kind().equals(ClusterModel.HOST_KIND);
      TrafficKey key =
          new TrafficKey(
              src ? SimulatedCluster.EXTERNAL_WORKLOAD : k.source(),
              dst ? SimulatedCluster.EXTERNAL_WORKLOAD : k.destination(),
              src ? Zones.UNKNOWN : k.sourceZone(),
              dst ? Zones.UNKNOWN : k.destinationZone());
      sums.merge(key, r.bytes(), Long::sum);
    }
    return rows(sums);
  }

  /** The rows with bytes, in the default order. */
  private static List<TrafficRow> rows(Map<TrafficKey, Long> sums) {
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

  /**
   * The exact answer of a reading of {@code source}'s series over [windowStart, windowEnd] with the
   * default look-behind: Retina's under {@code auto}, another source's by its kept copies ({@link
   * #expectedOf}).
   */
  public List<TrafficRow> expected(String source, Instant windowStart, Instant windowEnd) {
    // Without the agent's IP a reading cannot tell the copies apart; the answer it should approach
    // is the same flows' with the IPs selected.
    List<SourceCounter> counters =
        c.counters(source.equals("beyla-no-agent-ip") ? "beyla" : source);
    return counters == null
        ? expected(windowStart, windowEnd)
        : expectedOf(counters, windowStart, windowEnd, SimulatedCluster.LOOK_BEHIND);
  }

  /**
   * The exact answer of a reading of another source's series ({@link BeylaWriter}, {@link
   * IstioWriter}): DESIGN §3's window bytes of every copy the model says is kept once per byte (the
   * sender's agent's, the client's reporter's), summed per the row the model puts its bytes in,
   * with the born rule's evidence from every sample of the same agent.
   */
  List<TrafficRow> expectedOf(
      List<SourceCounter> counters, Instant windowStart, Instant windowEnd, Duration lookBehind) {
    Window w = new Window(windowStart, windowEnd, lookBehind);
    Map<String, BitSet> agents = new HashMap<>();
    for (SourceCounter x : counters) {
      agents.computeIfAbsent(x.agent(), k -> new BitSet(c.steps() + 1)).or(x.present());
    }
    Map<TrafficKey, Long> sums = new LinkedHashMap<>();
    for (SourceCounter x : counters) {
      if (x.keptAs() != null) {
        sums.merge(
            x.keptAs(),
            windowBytes(x.present(), x.from(), x.values(), agents.get(x.agent()), w),
            Long::sum);
      }
    }
    return rows(sums);
  }

  private static TrafficKey key(Pod src, Pod dst) {
    return new TrafficKey(src.workload(), dst.workload(), src.zone(), dst.zone());
  }

  /** The row of a pair; with {@code subnets}, an end in one of the cluster's subnets is it. */
  private TrafficKey key(Pod src, Pod dst, boolean subnets) {
    TrafficKey k = key(src, dst);
    List<String> s = subnets ? c.subnetOf(src) : null;
    List<String> d = subnets ? c.subnetOf(dst) : null;
    return new TrafficKey(
        s == null ? k.source() : new WorkloadRef(Subnets.NAMESPACE, "Subnet", s.get(2)),
        d == null ? k.destination() : new WorkloadRef(Subnets.NAMESPACE, "Subnet", d.get(2)),
        s == null ? k.sourceZone() : s.get(1),
        d == null ? k.destinationZone() : d.get(1));
  }

  /**
   * The grid steps of a window: in-window [lo, hi]; a series' look-behind [behind, seriesBehindTo]
   * (up to lo when the window starts exactly on step lo: a series first seen at the start was born
   * before it), the agents' [behind, lo - 1].
   */
  private final class Window {
    final int lo;
    final int hi;
    final int behind;
    final int seriesBehindTo;

    Window(Instant start, Instant end, Duration lookBehind) {
      this.lo = firstStepAtOrAfter(start);
      this.hi = lastStepAtOrBefore(end);
      this.behind = firstStepAtOrAfter(start.minus(lookBehind));
      this.seriesBehindTo = lastStepAtOrBefore(start);
    }
  }

  private int firstStepAtOrAfter(Instant t) {
    long ms = Duration.between(c.dataStart(), t).toMillis();
    long step =
        Math.floorDiv(ms + c.scrapeInterval().toMillis() - 1, c.scrapeInterval().toMillis());
    return (int) Math.max(0, Math.min(step, c.steps() + 1L));
  }

  private int lastStepAtOrBefore(Instant t) {
    long ms = Duration.between(c.dataStart(), t).toMillis();
    return (int)
        Math.max(-1, Math.min(Math.floorDiv(ms, c.scrapeInterval().toMillis()), c.steps()));
  }

  /** The steps at which a flow's series have samples. */
  private BitSet flowSteps(Flow f) {
    BitSet b = new BitSet(c.steps() + 1);
    b.set(f.from(), f.to() + 1);
    b.andNot(c.outage());
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
      for (Series s : c.series()) {
        if (s.agent() != null) {
          m.computeIfAbsent(s.agent().agent(), k -> new BitSet(c.steps() + 1))
              .or(c.presentSteps(s));
        }
      }
      agentSteps = m;
    }
    return agentSteps;
  }

  /**
   * DESIGN §3, for one series with values at steps from, from+1, ... and samples at the {@code
   * present} steps: the reset-aware sum of differences between consecutive in-window samples, plus
   * the first in-window value when the series was born in the window — no sample in the look-behind
   * nor at the window's start, and its agent reported a sample in the look-behind or earlier in the
   * window than this series.
   */
  static long windowBytes(BitSet present, int from, long[] values, BitSet agent, Window w) {
    long sum = 0;
    boolean seen = false;
    long prev = 0;
    boolean preExisting = between(present, w.behind, w.seriesBehindTo);
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
   * series' last sample before {@code t} and its first after; nothing for a series with a sample at
   * exactly {@code t} (on the scrape grid), which both windows hold. Two windows that meet at
   * {@code t} add up to the whole window less these, as long as no gap in a series is longer than
   * the look-behind (true of every c.scenario() here). For the property tests.
   */
  Map<TrafficKey, Long> straddling(Instant windowStart, Instant windowEnd, Instant t) {
    int lo = firstStepAtOrAfter(windowStart);
    int hi = lastStepAtOrBefore(windowEnd);
    int before = lastStepAtOrBefore(t.minusMillis(1));
    int after = firstStepAtOrAfter(t.plusMillis(1));
    int at = firstStepAtOrAfter(t) == lastStepAtOrBefore(t) ? lastStepAtOrBefore(t) : -1;
    Map<TrafficKey, Long> out = new LinkedHashMap<>();
    for (Flow f : c.flows()) {
      BitSet present = flowSteps(f);
      if (at >= 0 && present.get(at)) {
        continue;
      }
      int p = before < 0 ? -1 : present.previousSetBit(before);
      int n = present.nextSetBit(after);
      if (p < lo || n < 0 || n > hi) {
        continue;
      }
      Node agent = agent(f, DedupeMode.AUTO);
      long[] req = c.agentCounter(agent, f, f.request());
      long[] rep = c.agentCounter(agent, f, f.reply());
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
    writeExpectedJson(w, c.start(), c.end());
  }

  /** Writes the expected answer for [windowStart, windowEnd] as JSON. Flushed, not closed. */
  public void writeExpectedJson(Writer w, Instant windowStart, Instant windowEnd)
      throws IOException {
    writeExpectedJson(w, windowStart, windowEnd, expected(windowStart, windowEnd), "retina");
  }

  /**
   * Writes {@code source}'s expected answer for the whole window as JSON; Retina's with the
   * cluster's subnets ({@code subnets.yaml}) placed, when it has some.
   */
  public void writeExpectedJson(Writer w, String source) throws IOException {
    boolean subnets = source.equals("retina") && !c.subnetsYaml().isEmpty();
    writeExpectedJson(
        w,
        c.start(),
        c.end(),
        subnets ? expectedWithSubnets(c.start(), c.end()) : expected(source, c.start(), c.end()),
        source);
  }

  /** Writes the given rows as the expected answer of a source's reading. */
  void writeExpectedJson(
      Writer w, Instant windowStart, Instant windowEnd, List<TrafficRow> rows, String source)
      throws IOException {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("scenario", c.scenario());
    if (!source.equals("retina")) {
      root.put("source", source);
    }
    ObjectNode window = root.putObject("window");
    window.put("start", windowStart.toString());
    window.put("end", windowEnd.toString());
    root.put("dataAggregationLevel", c.level().label());
    root.put("nativeZones", c.nativeZones());
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
}
