package dev.zonecost.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the data can say about a resource's unexplained bytes (DESIGN §3, "What the bill says"):
 * only what a series shows applies, and no number is put on what no series measured.
 */
final class GapReasons {
  private GapReasons() {}

  /**
   * @param hostNetworkPods the node's host-network pods (namespace/pod)
   * @param outside the node's outside bytes (out + in) in the bucket
   */
  static List<String> forNode(
      String node, List<String> hostNetworkPods, long outside, String internalIp) {
    List<String> out = new ArrayList<>();
    if (!hostNetworkPods.isEmpty()) {
      out.add(
          hostNetworkPods.size()
              + " host-network pod"
              + (hostNetworkPods.size() == 1 ? "" : "s")
              + " on the node ("
              + String.join(", ", hostNetworkPods.subList(0, Math.min(3, hostNetworkPods.size())))
              + (hostNetworkPods.size() > 3 ? ", ..." : "")
              + "): their traffic with other nodes is not in Retina's data");
    }
    if (outside > 0) {
      out.add(
          "outside traffic ("
              + outside
              + " bytes) with addresses zonecost cannot place may have crossed: --subnets names"
              + " the zones of the cloud network's subnets");
    }
    if (internalIp.contains(":")) {
      out.add("the node has an IPv6 address: Retina counts IPv4 only");
    }
    if (out.isEmpty()) {
      out.add(
          "no series shows it: traffic of the node itself (host network, kubelet, node agents) or"
              + " IPv6, which Retina does not see");
    }
    return out;
  }

  static List<String> forOther(ResourceKind kind) {
    return List.of(
        switch (kind) {
          case INSTANCE -> "an instance that is not a node of this cluster";
          case NAT_GATEWAY -> "a NAT gateway: traffic through it is billed to it, not to the nodes";
          default -> "a resource that is not a node of this cluster";
        });
  }

  static List<String> hostNetwork(Map<String, List<String>> byNode, String node) {
    return byNode.getOrDefault(node, List.of());
  }
}
