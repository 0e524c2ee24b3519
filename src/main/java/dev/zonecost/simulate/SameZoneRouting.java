package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.trafficDistribution: PreferSameZone} applied to a cluster's calls, with kube-proxy's
 * rules (REFERENCE "Kubernetes routing", {@code pkg/proxy/topology.go}): a call through a Service
 * from a client in a known zone goes to a ready endpoint in that zone when the Service has one for
 * the whole connection; it keeps its endpoint when the client's node has no zone, when the zone has
 * none, or when any endpoint of the Service lacks a zone (then no endpoint is hinted for all, and
 * kube-proxy ignores the hints). The bytes of each connection are unchanged; two connections of one
 * client that land on one endpoint become one flow with their bytes added.
 */
final class SameZoneRouting {
  private SameZoneRouting() {}

  static List<Flow> apply(List<Flow> flows) {
    Map<List<Pod>, Integer> at = new LinkedHashMap<>();
    List<Flow> out = new ArrayList<>();
    for (Flow f : flows) {
      Flow routed = route(f);
      List<Pod> pair = List.of(routed.opener(), routed.peer());
      Integer i = at.get(pair);
      if (i != null && !mergeable(out.get(i), routed)) {
        routed = f; // cannot land on a flow of another span: keep the scenario's endpoint
        pair = List.of(f.opener(), f.peer());
        i = at.get(pair);
      }
      if (i == null || !mergeable(out.get(i), routed)) {
        at.putIfAbsent(pair, out.size());
        out.add(routed);
      } else {
        out.set(i, merged(out.get(i), routed));
      }
    }
    return out;
  }

  /** The flow to a same-zone ready endpoint, or the flow itself. */
  static Flow route(Flow f) {
    if (f.via() == null || f.peer().external() || f.opener().node().zone() == null) {
      return f;
    }
    String zone = f.opener().node().zone();
    if (zone.equals(f.peer().node().zone())) {
      return f;
    }
    List<Pod> backends = f.via().backends();
    boolean zoneless = backends.stream().anyMatch(p -> p.node().zone() == null && overlaps(p, f));
    if (zoneless) {
      return f;
    }
    List<Pod> same =
        backends.stream()
            .filter(p -> zone.equals(p.node().zone()) && p.from() <= f.from() && f.to() <= p.to())
            .sorted(Comparator.comparing(Pod::name))
            .toList();
    if (same.isEmpty()) {
      return f;
    }
    // A fixed choice among them, spread by the pair so clients do not all pick the first.
    Pod to = same.get(Math.floorMod((f.opener().name() + f.peer().name()).hashCode(), same.size()));
    return new Flow(f.opener(), to, f.from(), f.bytes(), f.gapFrom(), f.gapTo(), f.via());
  }

  private static boolean overlaps(Pod p, Flow f) {
    return p.from() <= f.to() && f.from() <= p.to();
  }

  private static boolean mergeable(Flow a, Flow b) {
    return a.from() == b.from()
        && a.bytes().length() == b.bytes().length()
        && a.gapFrom() < 0
        && b.gapFrom() < 0
        && a.via() == b.via();
  }

  private static Flow merged(Flow a, Flow b) {
    long[] request = a.bytes().request();
    long[] reply = a.bytes().reply();
    long[] r2 = b.bytes().request();
    long[] p2 = b.bytes().reply();
    for (int i = 0; i < request.length; i++) {
      request[i] += r2[i];
      reply[i] += p2[i];
    }
    return new Flow(
        a.opener(), a.peer(), a.from(), new FixedBytes(request, reply), -1, -1, a.via());
  }
}
