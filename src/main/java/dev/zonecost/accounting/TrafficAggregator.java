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
  private final NodeTraffic nodeTraffic;
  private final boolean clientNodes;
  private final Subnets subnets;
  private final Map<Endpoints, double[]> byPair = new HashMap<>();

  /**
   * Pairs with a node end (an IP that is a node's, not a pod's), their bytes already divided by
   * where the observing agent saw them: seen by the pod's node, by the node end's own agent, or by
   * an agent zonecost could not place.
   */
  private final Map<Endpoints, double[]> byNodePair = new HashMap<>();

  /** Per client pod, the Services (namespace, name) it called: from its ClusterIP series. */
  private final Map<PodKey, Set<List<String>>> calls = new HashMap<>();

  /**
   * Under auto: the kind of series the last pair's bytes came from (0 INGRESS, 1 EGRESS, 2 out).
   */
  private int lastKind;

  private long seriesAdded;

  private double unknownDirectionBytes;

  private final java.util.Set<String> masqueradedPeers = new HashSet<>();

  public TrafficAggregator(
      PodDirectory pods,
      WorkloadResolver workloads,
      DedupeMode dedupe,
      DataAggregationLevel level) {
    this(pods, workloads, dedupe, level, (s, d) -> true, GroupBy.WORKLOAD, false, Places.DEFAULT);
  }

  /**
   * @param filter which workload pairs to keep (the selection); totals are then the selection's
   * @param groupBy the grain of the rows
   * @param byCluster whether rows are split by the series' cluster label
   * @param places whether an end that is a node is named as the node, and the subnets whose zone
   *     the user named
   */
  public TrafficAggregator(
      PodDirectory pods,
      WorkloadResolver workloads,
      DedupeMode dedupe,
      DataAggregationLevel level,
      BiPredicate<WorkloadRef, WorkloadRef> filter,
      GroupBy groupBy,
      boolean byCluster,
      Places places) {
    this.nodeTraffic = places.nodeTraffic();
    this.clientNodes = places.clientNodes();
    this.subnets = places.subnets();
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
    if (dedupe != DedupeMode.NONE && o.direction() == Observation.Direction.OTHER) {
      // TRAFFIC_DIRECTION_UNKNOWN: where the agent saw the bytes is unknown, so the series cannot
      // be counted once; named in a note with its bytes instead (none adds every series)
      unknownDirectionBytes += o.bytes();
      return;
    }
    if (dedupe != DedupeMode.NONE && addNodePair(o)) {
      return;
    }
    double[] sums =
        byPair.computeIfAbsent(new Endpoints(o.source(), o.destination()), k -> new double[3]);
    sums[o.direction().ordinal()] += o.bytes();
  }

  /** The node an end is (an IP that is a node's and not a pod's or a Service's), else null. */
  private String nodeOf(Endpoint e) {
    return pods.isServiceIp(e.pod()) ? null : pods.nodeAt(e.pod());
  }

  /**
   * A series with one end a node and the other a pod, or the outside: its bytes once, by where it
   * was seen (DESIGN §3, "Ends that are nodes"). Between a node and a pod on it the bytes pass the
   * pod's veth only: once. Across nodes the pod's node sees them at its veth and, at {@code low},
   * its host interface too (twice); the node end's own agent sees them at its host interface only
   * (once, at {@code low}; not at all at {@code high}, which watches veths only). A series between
   * a node and the outside is, when INGRESS, traffic that entered the node from outside (NodePort,
   * LoadBalancer), once; when EGRESS, the masqueraded copy of a pod's outside traffic, a repeat.
   *
   * @return whether the observation was such a series
   */
  private boolean addNodePair(Observation o) {
    String srcNode = nodeOf(o.source());
    String dstNode = nodeOf(o.destination());
    if ((srcNode == null) == (dstNode == null)) {
      return false;
    }
    String node = srcNode != null ? srcNode : dstNode;
    Endpoint other = srcNode != null ? o.destination() : o.source();
    boolean outside = Zones.isUnknown(other.pod().namespace());
    if (outside && (dedupe != DedupeMode.AUTO || pods.isServiceIp(other.pod()))) {
      return false; // explicit modes and ClusterIPs: as any unknown end
    }
    double[] sums =
        byNodePair.computeIfAbsent(new Endpoints(o.source(), o.destination()), k -> new double[4]);
    if (outside) {
      if (o.direction() == Observation.Direction.INGRESS) {
        sums[0] += o.bytes();
      } else {
        sums[3] += o.bytes(); // masqueraded copy
      }
      return true;
    }
    String podNode = pods.placement(other.pod()).node();
    String observer = pods.agentNode(o.source().pod().cluster(), o.observer());
    int hostAndVeth = level == DataAggregationLevel.LOW ? 2 : 1;
    if (podNode.equals(node)) {
      sums[0] += o.bytes(); // the pod's veth only
    } else if (!podNode.isEmpty() && podNode.equals(observer)) {
      sums[0] += o.bytes() / hostAndVeth;
    } else if (node.equals(observer)) {
      sums[1] += o.bytes();
    } else {
      sums[2] += o.bytes() / hostAndVeth; // taken as seen by the pod's node
    }
    return true;
  }

  public Result result() {
    Booking b = new Booking();
    // outside peers with a masqueraded copy (a node's IP to the peer, EGRESS): their pods' own
    // series hold one observation; a peer without one was not translated (DESIGN §3)
    masqueradedPeers.clear();
    byNodePair.forEach(
        (pair, s) -> {
          if (s[3] > 0) {
            PodKey peer =
                nodeOf(pair.source()) != null ? pair.destination().pod() : pair.source().pod();
            masqueradedPeers.add(peer.cluster() + "\u0000" + peer.ip());
          }
        });
    for (Map.Entry<Endpoints, double[]> entry : byPair.entrySet()) {
      double[] s = entry.getValue();
      Endpoints pair = entry.getKey();
      Placement src = pods.placement(pair.source().pod());
      Placement dst = pods.placement(pair.destination().pod());
      Boolean sameNode = src.knowsNode() && dst.knowsNode() ? src.node().equals(dst.node()) : null;
      double once =
          dedupe == DedupeMode.AUTO ? auto(pair, s, sameNode, b.stats) : kept(s, sameNode);
      book(b, pair, once, src, dst, sameNode, null, null, lastKind);
    }
    for (Map.Entry<Endpoints, double[]> entry : byNodePair.entrySet()) {
      double[] s = entry.getValue();
      Endpoints pair = entry.getKey();
      String srcNode = nodeOf(pair.source());
      String dstNode = nodeOf(pair.destination());
      // The pod's node sees every byte at both levels (at low the node's own agent does too):
      // its series, else the node's. One direction alone (egress, ingress) is split between the
      // two agents by who opened each connection: both sides then add up.
      double podSide = s[0] + s[2];
      double once =
          dedupe == DedupeMode.EGRESS || dedupe == DedupeMode.INGRESS
              ? podSide + s[1]
              : podSide > 0 ? podSide : s[1];
      b.stats.masqueraded += s[3];
      b.stats.nodeEnds += once;
      String cluster = pair.source().pod().cluster();
      Placement src =
          srcNode != null
              ? new Placement(srcNode, pods.zoneOfNode(cluster, srcNode))
              : pods.placement(pair.source().pod());
      Placement dst =
          dstNode != null
              ? new Placement(dstNode, pods.zoneOfNode(cluster, dstNode))
              : pods.placement(pair.destination().pod());
      Boolean sameNode = src.knowsNode() && dst.knowsNode() ? src.node().equals(dst.node()) : null;
      book(b, pair, once, src, dst, sameNode, srcNode, dstNode, 3);
    }
    Tally stats = b.stats;
    Map<TrafficKey, Long> halves = b.halves;
    Map<TrafficKey, double[]> kinds = b.kinds;
    Map<String, Double> sent = b.sent;
    Map<String, NodeBytes> byNode = new HashMap<>();
    b.byNode.forEach((node, v) -> byNode.put(node, NodeBytes.of(v)));
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
            sources.put(
                k,
                new Sources(
                    Math.round(v[0]), Math.round(v[1]), Math.round(v[2]), Math.round(v[3]))));
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
            Math.round(stats.nodeEnds),
            Math.round(unknownDirectionBytes),
            new Provenance(
                Math.round(stats.fromIngress),
                Math.round(stats.fromEgress),
                Math.round(stats.outside),
                Math.round(stats.serviceSeries),
                Math.round(stats.masqueraded),
                pods.knowsServices())),
        Map.copyOf(sources),
        Map.copyOf(sent),
        Map.copyOf(byNode));
  }

  /** The rows being built, and how they were attributed. */
  private static final class Booking {
    final Map<TrafficKey, Long> halves = new HashMap<>();
    final Map<TrafficKey, double[]> kinds = new HashMap<>();
    final Map<String, Double> sent = new HashMap<>();
    final Map<String, double[]> byNode = new HashMap<>();
    final Tally stats = new Tally();
  }

  /**
   * Books one pair's bytes (once per byte) to its row: zones, workloads, the selection, the grain.
   *
   * @param srcNode the node the source end is, when it is one (else null); likewise {@code dstNode}
   * @param kind where the bytes came from under auto (0 INGRESS, 1 EGRESS, 2 outside, 3 node end)
   */
  private void book(
      Booking b,
      Endpoints pair,
      double once,
      Placement src,
      Placement dst,
      Boolean sameNode,
      String srcNode,
      String dstNode,
      int kind) {
    if (once <= 0) {
      return;
    }
    boolean named = nodeTraffic == NodeTraffic.NAME;
    String srcZone =
        srcNode == null ? zone(pair.source(), src) : named ? src.zone() : Zones.UNKNOWN;
    String dstZone =
        dstNode == null ? zone(pair.destination(), dst) : named ? dst.zone() : Zones.UNKNOWN;
    String cluster = pair.source().pod().cluster();
    WorkloadRef srcWorkload =
        srcNode != null && named ? NodeTraffic.node(srcNode) : workload(pair.source());
    WorkloadRef dstWorkload =
        dstNode != null && named ? NodeTraffic.node(dstNode) : workload(pair.destination());
    Subnets.Subnet srcNet = srcNode == null ? subnet(pair.source()) : null;
    Subnets.Subnet dstNet = dstNode == null ? subnet(pair.destination()) : null;
    if (srcNet != null) {
      srcWorkload = Subnets.ref(srcNet);
      srcZone = srcNet.zone();
    }
    if (dstNet != null) {
      dstWorkload = Subnets.ref(dstNet);
      dstZone = dstNet.zone();
    }
    if (!filter.test(srcWorkload, dstWorkload)) {
      return;
    }
    if (byCluster) {
      srcWorkload = srcWorkload.withCluster(cluster);
      dstWorkload = dstWorkload.withCluster(pair.destination().pod().cluster());
    }
    WorkloadRef srcEnd =
        end(srcWorkload, pair.source(), (srcNode != null && named) || srcNet != null);
    WorkloadRef dstEnd =
        end(dstWorkload, pair.destination(), (dstNode != null && named) || dstNet != null);
    if (groupBy == GroupBy.SERVICE) {
      List<String> v = calledThrough(pair.source().pod(), pair.destination().pod());
      if (v != null) {
        dstEnd = GroupBy.service(v.get(0), v.get(1), dstEnd.cluster());
        srcEnd = clientNodes ? NodeTraffic.node(src.node()).withCluster(srcEnd.cluster()) : srcEnd;
      } else if ((v = calledThrough(pair.destination().pod(), pair.source().pod())) != null) {
        srcEnd = GroupBy.service(v.get(0), v.get(1), srcEnd.cluster());
        dstEnd = clientNodes ? NodeTraffic.node(dst.node()).withCluster(dstEnd.cluster()) : dstEnd;
      }
    }
    TrafficKey key = new TrafficKey(srcEnd, dstEnd, srcZone, dstZone);
    Tally stats = b.stats;
    if (sameNode == null) {
      stats.pairsWithUnknownNode++;
    }
    count(pair.source(), srcZone, stats);
    count(pair.destination(), dstZone, stats);
    b.halves.merge(key, Math.round(once * 2), Long::sum);
    tallyNodes(
        b,
        srcNode != null ? srcNode : src.node(),
        dstNode != null ? dstNode : dst.node(),
        Locality.of(srcZone, dstZone),
        once);
    PodKey from = pair.source().pod();
    if (!Zones.isUnknown(from.namespace()) && !from.pod().isEmpty()) {
      b.sent.merge(from.namespace() + "/" + from.pod(), once, Double::sum);
    }
    if (dedupe == DedupeMode.AUTO) {
      b.kinds.computeIfAbsent(key, k -> new double[4])[kind] += once;
    }
    stats.podPairs++;
  }

  /**
   * The pair's bytes on the nodes whose network carried them: the sending end's node sent them, the
   * receiving end's node received them (a node end is the node itself; an end outside the cluster,
   * or a pod whose node is unknown, has none), by locality ({@code reconcile}).
   */
  private static void tallyNodes(
      Booking b, String srcNode, String dstNode, Locality locality, double once) {
    int l = locality.ordinal();
    if (!srcNode.isEmpty()) {
      b.byNode.computeIfAbsent(srcNode, k -> new double[6])[l] += once;
    }
    if (!dstNode.isEmpty()) {
      b.byNode.computeIfAbsent(dstNode, k -> new double[6])[3 + l] += once;
    }
  }

  /** The subnet an end outside the cluster lies in ({@code --subnets}), or null. */
  private Subnets.Subnet subnet(Endpoint e) {
    PodKey p = e.pod();
    if (subnets.isEmpty() || !Zones.isUnknown(p.namespace()) || pods.isServiceIp(p)) {
      return null;
    }
    return subnets.at(p.ip());
  }

  /** A row end at the report's grain; a node stays a node at every grain but namespace. */
  private WorkloadRef end(WorkloadRef workload, Endpoint e, boolean node) {
    if (node && groupBy != GroupBy.NAMESPACE) {
      return workload;
    }
    return groupBy.of(workload, e.pod().pod());
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
      PodKey outside = aUnknown ? a : b;
      boolean twin = masqueradedPeers.contains(outside.cluster() + "\u0000" + outside.ip());
      double once = s[0] / perByte(one, twin ? Kind.OUTSIDE : Kind.OUTSIDE_UNTRANSLATED);
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
  /**
   * @param byNode per node, the bytes its network sent and received (once per byte), by locality
   */
  public record Result(
      List<TrafficRow> rows,
      Stats stats,
      Map<TrafficKey, Sources> sources,
      Map<String, Double> sentByPod,
      Map<String, NodeBytes> byNode) {}

  /** Counts that tell the user how the rows were attributed. */
  public record Stats(
      long series,
      long podPairs,
      long pairsWithUnknownNode,
      long endpointsZonedByRetina,
      long endpointsZonedByKubeStateMetrics,
      long endpointsWithoutZone,
      int ambiguousPods,
      long nodeEndBytes,
      long unknownDirectionBytes,
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
    double nodeEnds;
  }
}
