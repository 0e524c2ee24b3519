package dev.zonecost.simulate;

/**
 * The Services' {@code spec.trafficDistribution} in the simulated cluster: which ready endpoint a
 * call through a Service reaches.
 */
public enum TrafficDistribution {
  /** Unset: the scenario's own choice of endpoint, wherever it is (kube-proxy picks at random). */
  DEFAULT,
  /**
   * {@code PreferSameZone}: every ready endpoint with a zone is hinted for it, and kube-proxy keeps
   * a client to its zone's endpoints when there is one — unless an endpoint has no zone (then no
   * filtering at all) or the client's node has none (REFERENCE "Kubernetes routing").
   */
  PREFER_SAME_ZONE,
  /**
   * {@code PreferSameNode} (Kubernetes 1.34 beta, 1.35 GA): kube-proxy keeps a client to the ready
   * endpoints on its node when there is one, else applies PreferSameZone's rule, else uses them
   * all.
   */
  PREFER_SAME_NODE
}
