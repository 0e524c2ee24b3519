package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.trafficDistribution: PreferSameZone} applied to a cluster's calls interval by
 * interval, as kube-proxy decides per moment. kube-proxy's rule ({@code pkg/proxy/topology.go},
 * {@code topologyModeFromHints} and {@code CategorizeEndpoints}, read at kubernetes/kubernetes
 * 008b365): a client filters to the endpoints hinted for its zone when every ready endpoint has a
 * zone hint and at least one is hinted for the client's zone; otherwise (an endpoint without a
 * hint, no endpoint for the zone, a node without a zone label) it uses every ready endpoint. The
 * EndpointSlice controller hints every ready endpoint that has a zone for its own zone ({@code
 * staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go}), so an endpoint without a zone
 * leaves all of them unhinted while it is ready.
 *
 * <p>The routing holds from the step the Service's field is set ({@code routedFrom}: 0 for a
 * cluster whose Services all have it, a later step where it is switched on mid-period). Before it
 * the EndpointSlices carry no zone hint, so {@code topologyModeFromHints} returns "" (every ready
 * endpoint); from it the controller hints every zoned endpoint and the rule above applies.
 *
 * <p>Here the bytes of a connection's interval ending at step {@code k} follow the endpoints ready
 * at step {@code k} (alive over {@code [from, to]}): kept in the client's zone when the rule holds
 * then (to one of that zone's ready endpoints, a fixed choice by the pair), else to the scenario's
 * own endpoint. The bytes of each interval are unchanged; the pieces of one client that land on one
 * endpoint become one flow with their bytes added.
 *
 * <p>{@code PreferSameNode} (the same files): the controller also hints every ready endpoint for
 * its own node, and kube-proxy first keeps a client to the endpoints hinted for its node when every
 * ready endpoint has a node hint and one is on the client's node; only then does it try the zone
 * rule above, then every endpoint. Every simulated pod has a node, so the node rule holds exactly
 * when a ready endpoint runs on the client's node, whatever the zones.
 */
final class SameZoneRouting {
  private SameZoneRouting() {}

  /** One routed pair's bytes per step of the cluster, over the steps it was used. */
  private static final class Pieces {
    final Pod opener;
    final Pod peer;
    final Service via;
    final java.util.TreeMap<Integer, long[]> bytes = new java.util.TreeMap<>();
    final Set<Flow> sources = new java.util.LinkedHashSet<>();

    Pieces(Pod opener, Pod peer, Service via) {
      this.opener = opener;
      this.peer = peer;
      this.via = via;
    }

    void add(int step, long request, long reply) {
      long[] b = bytes.computeIfAbsent(step, k -> new long[2]);
      b[0] += request;
      b[1] += reply;
    }

    Flow flow() {
      int from = bytes.firstKey();
      int to = bytes.lastKey();
      long[] request = new long[to - from + 1];
      long[] reply = new long[to - from + 1];
      bytes.forEach(
          (k, b) -> {
            request[k - from] = b[0];
            reply[k - from] = b[1];
          });
      return new Flow(opener, peer, from, new FixedBytes(request, reply), -1, -1, via);
    }
  }

  /**
   * @param sameNode PreferSameNode (the node rule first), else PreferSameZone
   * @param routedFrom per Service, the step from which its field is set
   */
  static List<Flow> apply(
      List<Flow> flows, boolean sameNode, java.util.function.ToIntFunction<Service> routedFrom) {
    // Pairs whose flow is not re-routed (by pod IP, outside, clients without zone) are kept as they
    // are; a re-routed piece never lands on such a pair (one flow per pod pair).
    Set<List<Pod>> fixed = new HashSet<>();
    for (Flow f : flows) {
      if (!reroutable(f, sameNode)) {
        fixed.add(List.of(f.opener(), f.peer()));
        fixed.add(List.of(f.peer(), f.opener()));
      }
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Flow f : flows) {
      if (!reroutable(f, sameNode)) {
        out.put(f, f);
        continue;
      }
      long[] request = f.request();
      long[] reply = f.reply();
      for (int k = f.from(); k <= f.to(); k++) {
        Pod to =
            k < routedFrom.applyAsInt(f.via())
                ? f.peer()
                : sameNode ? nodeEndpointAt(f, k, fixed) : endpointAt(f, k, fixed);
        Pieces p =
            (Pieces)
                out.computeIfAbsent(
                    List.of(f.opener(), to), x -> new Pieces(f.opener(), to, f.via()));
        p.add(k, request[k - f.from()], reply[k - f.from()]);
        p.sources.add(f);
      }
    }
    List<Flow> routed = new ArrayList<>();
    for (Object o : out.values()) {
      if (o instanceof Pieces p) {
        Flow only = p.sources.size() == 1 ? p.sources.iterator().next() : null;
        boolean whole =
            only != null && only.peer() == p.peer && p.bytes.size() == only.bytes().length();
        routed.add(whole ? only : p.flow()); // not re-routed at all: the flow as it was
      } else {
        routed.add((Flow) o);
      }
    }
    return routed;
  }

  /**
   * Calls through a Service from a client on a node with a zone (under PreferSameNode from any
   * node); the others keep their peer.
   */
  static boolean reroutable(Flow f, boolean sameNode) {
    return f.via() != null
        && !f.peer().external()
        && (sameNode || f.opener().node().zone() != null);
  }

  /**
   * Under PreferSameNode, the endpoint the bytes of step {@code k} reach: one ready on the client's
   * node when there is one, else what the zone rule gives (the client's own peer when its node has
   * no zone).
   */
  static Pod nodeEndpointAt(Flow f, int k, Set<List<Pod>> fixed) {
    ClusterModel.Node node = f.opener().node();
    List<Pod> local =
        f.via().backends().stream().filter(p -> p.node() == node && ready(p, k)).toList();
    if (local.isEmpty()) {
      return node.zone() == null ? f.peer() : endpointAt(f, k, fixed);
    }
    if (local.contains(f.peer())) {
      return f.peer();
    }
    List<Pod> free =
        local.stream()
            .filter(p -> !fixed.contains(List.of(f.opener(), p)))
            .sorted(Comparator.comparing(Pod::name))
            .toList();
    if (free.isEmpty()) {
      return f.peer();
    }
    return free.get(Math.floorMod((f.opener().name() + f.peer().name()).hashCode(), free.size()));
  }

  /**
   * The endpoint that the bytes of step {@code k} reach: a ready endpoint of the client's zone when
   * kube-proxy's rule holds at {@code k}, else the scenario's own endpoint.
   */
  static Pod endpointAt(Flow f, int k, Set<List<Pod>> fixed) {
    String zone = f.opener().node().zone();
    if (zone.equals(f.peer().node().zone()) || !keepsInZone(f.via(), zone, k)) {
      return f.peer();
    }
    List<Pod> same =
        f.via().backends().stream()
            .filter(p -> zone.equals(p.node().zone()) && ready(p, k))
            .filter(p -> !fixed.contains(List.of(f.opener(), p)))
            .sorted(Comparator.comparing(Pod::name))
            .toList();
    if (same.isEmpty()) {
      return f.peer();
    }
    // A fixed choice among them, spread by the pair so clients do not all pick the first.
    return same.get(Math.floorMod((f.opener().name() + f.peer().name()).hashCode(), same.size()));
  }

  /**
   * kube-proxy's rule at step {@code k} for a client in {@code zone}: every ready endpoint has a
   * zone (so a hint) and one of them is in the client's zone.
   */
  static boolean keepsInZone(Service s, String zone, int k) {
    boolean any = false;
    for (Pod p : s.backends()) {
      if (!ready(p, k)) {
        continue;
      }
      if (p.node().zone() == null) {
        return false;
      }
      any |= zone.equals(p.node().zone());
    }
    return any;
  }

  static boolean ready(Pod p, int k) {
    return p.from() <= k && k <= p.to();
  }
}
