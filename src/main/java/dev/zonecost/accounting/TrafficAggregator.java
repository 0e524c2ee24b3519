package dev.zonecost.accounting;

import dev.zonecost.accounting.ObservationsPerByte.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Turns per-series window bytes into rows: groups the series of one pod pair, keeps one observation
 * per byte (dedupe mode and aggregation level), resolves both pods' zones and workloads, and sums
 * per workload pair and zone pair in half bytes so rounding happens once.
 *
 * <p>A source whose series name workloads, not pods (Beyla's owners, Istio's workloads), gives
 * endpoints with an empty pod: they group like any pod pair (one "pair" per workload pair and
 * native zones), roll up to their workload as named, and take the source's own zone label. Where
 * the source cannot know a zone (no label, no pod to join), the zone is unknown — never guessed
 * from the workload's other pods — and the row is unknown-zone. Such a source has already kept one
 * observation per byte and is aggregated with {@link DedupeMode#NONE}.
 */
public final class TrafficAggregator {
  private final PodDirectory pods;
  private final WorkloadResolver workloads;
  private final DedupeMode dedupe;
  private final DataAggregationLevel level;
  private final BiPredicate<WorkloadRef, WorkloadRef> filter;
  private final GroupBy groupBy;
  private final boolean byCluster;
  private final Map<Endpoints, double[]> byPair = new HashMap<>();

  /** Per client pod, the Services (namespace, name) it called: from its ClusterIP series. */
  private final Map<PodKey, Set<List<String>>> calls = new HashMap<>();

  /**
   * Under auto: the kind of series the last pair's bytes came from (0 INGRESS, 1 EGRESS, 2 out).
   */
  private int lastKind;

  private long seriesAdded;

  public TrafficAggregator(
      PodDirectory pods,
      WorkloadResolver workloads,
      DedupeMode dedupe,
      DataAggregationLevel level) {
    this(pods, workloads, dedupe, level, (s, d) -> true, GroupBy.WORKLOAD, false);
  }

  /**
   * @param filter which workload pairs to keep (the selection); totals are then the selection's
   * @param groupBy the grain of the rows
   * @param byCluster whether rows are split by the series' cluster label
   */
  public TrafficAggregator(
      PodDirectory pods,
      WorkloadResolver workloads,
      DedupeMode dedupe,
      DataAggregationLevel level,
      BiPredicate<WorkloadRef, WorkloadRef> filter,
      GroupBy groupBy,
      boolean byCluster) {
    this.pods = pods;
    this.workloads = workloads;
    this.dedupe = dedupe;
    this.level = level;
    this.filter = filter;
    this.groupBy = groupBy;
    this.byCluster = byCluster;
  }

  /** One series' bytes in the window, as an observation of its pod pair. */
  public void add(Observation o) {
    seriesAdded++;
    String[] called = pods.serviceAt(o.destination().pod());
    if (called != null) {
      calls.computeIfAbsent(o.source().pod(), k -> new HashSet<>()).add(List.of(called));
    }
    String[] replying = pods.serviceAt(o.source().pod());
    if (replying != null) {
      calls.computeIfAbsent(o.destination().pod(), k -> new HashSet<>()).add(List.of(replying));
    }
    double[] sums =
        byPair.computeIfAbsent(new Endpoints(o.source(), o.destination()), k -> new double[3]);
    sums[o.direction().ordinal()] += o.bytes();
  }

  public Result result() {
    Map<TrafficKey, Long> halves = new HashMap<>();
    Map<TrafficKey, double[]> kinds = new HashMap<>();
    Map<String, Double> sent = new HashMap<>();
    Tally stats = new Tally();
    for (Map.Entry<Endpoints, double[]> entry : byPair.entrySet()) {
      double[] s = entry.getValue();
      Endpoints pair = entry.getKey();
      Placement src = pods.placement(pair.source().pod());
      Placement dst = pods.placement(pair.destination().pod());
      Boolean sameNode = src.knowsNode() && dst.knowsNode() ? src.node().equals(dst.node()) : null;
      double once = dedupe == DedupeMode.AUTO ? auto(pair, s, sameNode, stats) : kept(s, sameNode);
      if (once <= 0) {
        continue;
      }
      String srcZone = zone(pair.source(), src);
      String dstZone = zone(pair.destination(), dst);
      WorkloadRef srcWorkload = workload(pair.source());
      WorkloadRef dstWorkload = workload(pair.destination());
      if (!filter.test(srcWorkload, dstWorkload)) {
        continue;
      }
      if (byCluster) {
        srcWorkload = srcWorkload.withCluster(pair.source().pod().cluster());
        dstWorkload = dstWorkload.withCluster(pair.destination().pod().cluster());
      }
      WorkloadRef srcEnd = groupBy.of(srcWorkload, pair.source().pod().pod());
      WorkloadRef dstEnd = groupBy.of(dstWorkload, pair.destination().pod().pod());
      if (groupBy == GroupBy.SERVICE) {
        List<String> v = calledThrough(pair.source().pod(), pair.destination().pod());
        if (v != null) {
          dstEnd = GroupBy.service(v.get(0), v.get(1), dstEnd.cluster());
        } else if ((v = calledThrough(pair.destination().pod(), pair.source().pod())) != null) {
          srcEnd = GroupBy.service(v.get(0), v.get(1), srcEnd.cluster());
        }
      }
      TrafficKey key = new TrafficKey(srcEnd, dstEnd, srcZone, dstZone);
      if (sameNode == null) {
        stats.pairsWithUnknownNode++;
      }
      count(pair.source(), srcZone, stats);
      count(pair.destination(), dstZone, stats);
      halves.merge(key, Math.round(once * 2), Long::sum);
      PodKey from = pair.source().pod();
      if (!Zones.isUnknown(from.namespace()) && !from.pod().isEmpty()) {
        sent.merge(from.namespace() + "/" + from.pod(), once, Double::sum);
      }
      if (dedupe == DedupeMode.AUTO) {
        kinds.computeIfAbsent(key, k -> new double[3])[lastKind] += once;
      }
      stats.podPairs++;
    }
    List<TrafficRow> rows = new ArrayList<>();
    halves.forEach(
        (key, h) -> {
          long bytes = (h + 1) / 2; // round half up, once per row
          if (bytes > 0) {
            rows.add(new TrafficRow(key, bytes));
          }
        });
    rows.sort(TrafficRow.DEFAULT_ORDER);
    Map<TrafficKey, Sources> sources = new HashMap<>();
    kinds.forEach(
        (k, v) ->
            sources.put(k, new Sources(Math.round(v[0]), Math.round(v[1]), Math.round(v[2]))));
    return new Result(
        rows,
        new Stats(
            seriesAdded,
            stats.podPairs,
            stats.pairsWithUnknownNode,
            stats.byRetina,
            stats.byKubeStateMetrics,
            stats.withoutZone,
            pods.ambiguousLookups(),
            new Provenance(
                Math.round(stats.fromIngress),
                Math.round(stats.fromEgress),
                Math.round(stats.outside),
                Math.round(stats.serviceSeries),
                Math.round(stats.masqueraded),
                pods.knowsServices())),
        Map.copyOf(sources),
        Map.copyOf(sent));
  }

  /**
   * The Service through which {@code client} reached {@code server}: one it called (a ClusterIP
   * series) that has {@code server} among its ready endpoints; null when there is none.
   */
  private List<String> calledThrough(PodKey client, PodKey server) {
    for (List<String> v : calls.getOrDefault(client, Set.of())) {
      if (pods.backs(server, v.toArray(String[]::new))) {
        return v;
      }
    }
    return null;
  }

  /** An explicit mode's kept bytes, each kind divided by its observations per byte. */
  private double kept(double[] s, Boolean sameNode) {
    boolean one = Boolean.TRUE.equals(sameNode);
    return switch (dedupe) {
      case EGRESS -> s[0] / perByte(one, Kind.EGRESS);
      case INGRESS -> s[1] / perByte(one, Kind.INGRESS);
      case MAX -> Math.max(s[0] / perByte(one, Kind.EGRESS), s[1] / perByte(one, Kind.INGRESS));
      case NONE -> (s[0] + s[1] + s[2]) / perByte(one, Kind.EGRESS);
      case AUTO -> throw new IllegalStateException("auto is decided per pair");
    };
  }

  private int perByte(boolean sameNode, Kind kind) {
    return ObservationsPerByte.of(dedupe, level, sameNode, kind);
  }

  /**
   * DESIGN §3's {@code auto}: a ClusterIP series names the Service, not the pod pair, and repeats
   * bytes the pair's own series hold; a series between a node's IP and an unknown peer is the
   * masqueraded copy of a pod's; otherwise the peer node's INGRESS series where there is one (twice
   * per byte at {@code low} across nodes: host interface and veth), else the opener's EGRESS series
   * — once per byte when the peer is unknown (outside), else as {@code egress} counts.
   */
  private double auto(Endpoints pair, double[] s, Boolean sameNode, Tally stats) {
    double all = s[0] + s[1] + s[2];
    PodKey a = pair.source().pod();
    PodKey b = pair.destination().pod();
    if (pods.isServiceIp(a) || pods.isServiceIp(b)) {
      stats.serviceSeries += all;
      return 0;
    }
    boolean aUnknown = Zones.isUnknown(a.namespace());
    boolean bUnknown = Zones.isUnknown(b.namespace());
    if (aUnknown && bUnknown && (pods.isNodeIp(a) || pods.isNodeIp(b))) {
      stats.masqueraded += all;
      return 0;
    }
    boolean one = Boolean.TRUE.equals(sameNode);
    if (s[1] > 0) {
      double once = s[1] / perByte(one, Kind.INGRESS);
      stats.fromIngress += once;
      lastKind = 0;
      return once;
    }
    if (aUnknown || bUnknown) {
      double once = s[0] / perByte(one, Kind.OUTSIDE);
      stats.outside += once;
      lastKind = 2;
      return once;
    }
    double once = s[0] / perByte(one, Kind.EGRESS);
    stats.fromEgress += once;
    lastKind = 1;
    return once;
  }

  /** Retina's own zone label where present and known, else kube-state-metrics' join. */
  private static String zone(Endpoint endpoint, Placement placement) {
    if (!Zones.isUnknown(endpoint.nativeZone())) {
      return endpoint.nativeZone();
    }
    return Zones.normalize(placement.zone());
  }

  private static void count(Endpoint endpoint, String zone, Tally stats) {
    if (!Zones.isUnknown(endpoint.nativeZone())) {
      stats.byRetina++;
    } else if (!Zones.isUnknown(zone)) {
      stats.byKubeStateMetrics++;
    } else {
      stats.withoutZone++;
    }
  }

  private WorkloadRef workload(Endpoint e) {
    return workloads.resolve(
        e.pod().cluster(), e.pod().namespace(), e.workloadKind(), e.workloadName(), e.pod().pod());
  }

  /** Both ends of a pod pair. */
  private record Endpoints(Endpoint source, Endpoint destination) {}

  /** The rows, how they were attributed, and (under auto) where each row's bytes came from. */
  /**
   * @param sentByPod bytes each known pod sent, once per byte, by namespace/pod: set against the
   *     kernel's counters they give the observations per byte in effect (DESIGN §3)
   */
  public record Result(
      List<TrafficRow> rows,
      Stats stats,
      Map<TrafficKey, Sources> sources,
      Map<String, Double> sentByPod) {}

  /** Counts that tell the user how the rows were attributed. */
  public record Stats(
      long series,
      long podPairs,
      long pairsWithUnknownNode,
      long endpointsZonedByRetina,
      long endpointsZonedByKubeStateMetrics,
      long endpointsWithoutZone,
      int ambiguousPods,
      Provenance provenance) {}

  /**
   * Under {@code auto}, where the bytes came from (once per byte): the peer node's INGRESS series,
   * the opener's EGRESS series, EGRESS to an unknown peer (outside); and the series bytes left out
   * as repeats: ClusterIP series (Services) and masqueraded node-IP copies.
   *
   * @param servicesKnown whether kube_service_info named any ClusterIP
   */
  public record Provenance(
      long fromIngress,
      long fromEgress,
      long outside,
      long serviceSeriesLeftOut,
      long masqueradedLeftOut,
      boolean servicesKnown) {}

  /** The mutable tally behind {@link Stats} while rows are built. */
  private static final class Tally {
    double fromIngress;
    double fromEgress;
    double outside;
    double serviceSeries;
    double masqueraded;
    long podPairs;
    long pairsWithUnknownNode;
    long byRetina;
    long byKubeStateMetrics;
    long withoutZone;
  }
}
