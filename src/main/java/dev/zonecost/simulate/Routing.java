package dev.zonecost.simulate;

/** How clients reach a Service's pods, and so what Retina sees (DESIGN §3's table). */
public enum Routing {
  /**
   * kube-proxy (iptables, IPVS, nftables): DNAT after Retina's hook on the client's veth; the
   * client's node sees the ClusterIP, the true pair is on the server's node. Outside traffic is
   * masqueraded on the host interface. The default: what most clusters run.
   */
  KUBE_PROXY,
  /**
   * Cilium's kube-proxy replacement (socket LB): the backend is chosen at {@code connect()}, so the
   * client's packets already carry the backend's IP; outside traffic is still masqueraded.
   */
  SOCKET_LB,
  /** The first landing's data, for comparison: pod IPs only, no masquerading. */
  POD_IP_ONLY;

  /** Whether a connection to a Service shows its ClusterIP on the client's node. */
  boolean dnatAfterHook() {
    return this == KUBE_PROXY;
  }

  /** Whether outside traffic is masqueraded (a node-IP copy at {@code low}, veth once). */
  boolean masquerades() {
    return this != POD_IP_ONLY;
  }
}
