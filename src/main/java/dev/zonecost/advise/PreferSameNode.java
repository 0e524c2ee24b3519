package dev.zonecost.advise;

/**
 * {@code spec.trafficDistribution: PreferSameNode} (Kubernetes 1.34 beta, 1.35 GA): the
 * EndpointSlice controller gives every ready endpoint a hint for its own node and one for its own
 * zone when it has one ({@code staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go}).
 * kube-proxy then decides per client node ({@code pkg/proxy/topology.go}, {@code
 * topologyModeFromHints}, read at kubernetes/kubernetes 008b365): when every ready endpoint has a
 * node hint and one is hinted for the client's node, the client uses those; else, when every ready
 * endpoint has a zone hint and one is hinted for the client's zone, its zone's; else all of them.
 *
 * <p>So a client on a node with a ready endpoint stays on it (in its zone) even while an endpoint
 * without a zone suspends the zone rule; the others cross as {@link PreferSameZone} says.
 */
public final class PreferSameNode {
  private PreferSameNode() {}

  /** What would still cross zones, for a Service that is not gated. */
  public static long remainingCrossBytes(ServiceInput in, NodeInput nodes) {
    if (nodes.clients().isEmpty()) {
      return in.endpointsWithoutZone() > 0 ? in.crossBytes() : sameZone(in);
    }
    long remaining = 0;
    for (NodeInput.Client c : nodes.clients()) {
      if (nodes.everyEndpointNamed() && nodes.endpointNodes().contains(c.node())) {
        continue; // kept on its node, so in its zone
      }
      if (in.endpointsWithoutZone() > 0) {
        remaining += c.crossBytes(); // every endpoint, as today
      } else {
        long stays = Math.round(c.clientBytes() * (1 - in.coverageOf(c.zone())));
        remaining += Math.min(c.crossBytes(), stays);
      }
    }
    return remaining;
  }

  private static long sameZone(ServiceInput in) {
    return in.zonedEndpoints() > 0 ? PreferSameZone.predict(in).remainingCrossBytes() : 0;
  }
}
