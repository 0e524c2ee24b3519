package dev.zonecost.advise;

/** What routes Service traffic on the nodes, and so whether it reads topology hints. */
public enum Datapath {
  /** kube-proxy (iptables, IPVS, nftables): reads hints ({@code pkg/proxy/topology.go}). */
  KUBE_PROXY,
  /** Cilium's kube-proxy replacement with {@code loadBalancer.serviceTopology=true}. */
  CILIUM_SERVICE_TOPOLOGY,
  /** Cilium's kube-proxy replacement without service topology: hints are ignored. */
  CILIUM;

  public boolean readsHints() {
    return this != CILIUM;
  }
}
