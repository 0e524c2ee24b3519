package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Node;

/**
 * The cloud instance behind each simulated node, as kube-state-metrics' {@code kube_node_info}
 * names it ({@code provider_id = aws:///<zone>/<instance id>}) and as the bill names it. A node
 * without a zone label still runs in a zone: the first, which its provider id says.
 */
final class Instances {
  static final String KUBE_NODE_INFO = "kube_node_info";
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";

  private Instances() {}

  /** The instance id, stable for a node's name. */
  static String id(Node n) {
    long h = 1125899906842597L;
    for (char ch : n.name().toCharArray()) {
      h = 31 * h + ch;
    }
    return "i-0" + String.format("%016x", h).substring(0, 16);
  }

  /** The zone the node's instance runs in, whether or not its label says so. */
  static String zone(Node n) {
    return n.zone() != null ? n.zone() : Simulator.ZONES.get(0);
  }

  static String providerId(Node n) {
    return "aws:///" + zone(n) + "/" + id(n);
  }
}
