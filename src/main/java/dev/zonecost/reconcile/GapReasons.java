package dev.zonecost.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the data can say about a resource's unexplained bytes (DESIGN §3, "What the bill says"):
 * only what a series shows applies, and no number is put on what no series measured.
 */
final class GapReasons {
  private static final int NAMED = 3;

  private GapReasons() {}

  /**
   * The bytes a node's own network interfaces carried in a bucket, as node-exporter ({@code
   * node_network_*_bytes_total}) or cAdvisor's root cgroup ({@code id="/"}) counted them: all of
   * the node's traffic, in its zone and to the internet too.
   *
   * @param source which exporter counted them
   */
  record NicBytes(String source, long sent, long received) {}

  /**
   * @param hostNetworkPods the node's host-network pods (namespace/pod), from kube-state-metrics
   * @param outside the node's outside bytes (out + in) in the bucket
   * @param nic the node's NIC counters in the bucket, null when no exporter has them
   */
  static List<String> forNode(
      List<String> hostNetworkPods, long outside, String internalIp, NicBytes nic) {
    List<String> out = new ArrayList<>();
    if (!hostNetworkPods.isEmpty()) {
      int n = hostNetworkPods.size();
      out.add(
          n
              + " host-network pod"
              + (n == 1 ? "" : "s")
              + " on the node ("
              + String.join(", ", hostNetworkPods.subList(0, Math.min(NAMED, n)))
              + (n > NAMED ? " and " + (n - NAMED) + " more" : "")
              + "): Retina keeps no endpoint for them, so their traffic with other nodes is in no"
              + " series");
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
    if (nic != null) {
      out.add(
          "the node sent "
              + nic.sent()
              + " bytes and received "
              + nic.received()
              + " bytes in total ("
              + nic.source()
              + "): all its traffic, in its zone and to the internet too, an upper bound and not"
              + " a cross-zone figure");
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
