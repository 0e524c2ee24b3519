package dev.zonecost.advise;

/** Why a Service cannot use (or does not need) topology-aware routing, each with its fix. */
public enum Gating {
  HEADLESS(
      "headless (clusterIP: None): clients call pod IPs, nothing is proxied",
      "nothing to set: route in the client (DNS returns every pod) or give it a ClusterIP"),
  EXTERNAL_NAME("ExternalName: a DNS alias, nothing is proxied", "nothing to set on this Service"),
  INTERNAL_TRAFFIC_LOCAL(
      "internalTrafficPolicy: Local already keeps traffic on the client's node",
      "nothing to set: same-node routing wins over same-zone hints"),
  NO_ENDPOINTS("no ready endpoint in the window", "nothing to route"),
  ENDPOINTS_WITHOUT_ZONE(
      "ready endpoints without a zone: kube-proxy then ignores every hint of the Service",
      "label the endpoints' nodes with topology.kubernetes.io/zone first"),
  KUBERNETES_TOO_OLD(
      "the cluster's version has no spec.trafficDistribution (PreferClose is on by default from"
          + " 1.31)",
      "upgrade to 1.31 or later (PreferSameZone from 1.34)"),
  DATAPATH_WITHOUT_TOPOLOGY(
      "Cilium's kube-proxy replacement without service topology ignores hints",
      "set Cilium's loadBalancer.serviceTopology=true first"),
  SAME_NODE_TOO_OLD(
      "the cluster's version has no PreferSameNode (beta, on by default from 1.34; alpha behind"
          + " the PreferSameTrafficDistribution feature gate in 1.33; GA in 1.35)",
      "upgrade to 1.34 or later for PreferSameNode"),
  ALREADY_ON(
      "already on: its endpoints carry zone hints (or the Service asks for them)",
      "nothing to set: the saving is already in today's numbers");

  private final String reason;
  private final String fix;

  Gating(String reason, String fix) {
    this.reason = reason;
    this.fix = fix;
  }

  public String reason() {
    return reason;
  }

  public String fix() {
    return fix;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
