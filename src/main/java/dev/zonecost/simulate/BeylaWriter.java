package dev.zonecost.simulate;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's flows as Beyla / OBI export them ({@code beyla_network_flow_bytes_total}), with the
 * attributes README tells users to select ({@code src.zone}, {@code dst.zone}, {@code beyla.ip},
 * {@code k8s.src.node.ip}, {@code k8s.dst.node.ip}) on top of the defaults (direction, owners and
 * namespaces). Facts from OBI's source at commit 6955b658: {@code attr_defs.go} (default and
 * optional attributes), {@code record_getters.go} ({@code direction} request/response by which side
 * opened the connection), the multi-zone integration test (a flow between two nodes is exported by
 * both nodes' agents).
 *
 * <p>Per connection: the opener's node's agent and, when the peer runs on another node, the peer's
 * node's agent each export the request bytes (opener → peer, {@code request}) and the reply bytes
 * ({@code response}). A connection to a Service's ClusterIP under kube-proxy is also exported by
 * the client's agent as addressed: the Service as owner (type {@code Service}), no zone. Owners are
 * top owners (the Deployment); an endpoint outside the cluster has no {@code k8s_*} labels and no
 * zone; a node without zone label gives no zone.
 */
final class BeylaWriter {
  static final String FAMILY = "beyla_network_flow_bytes_total";
  static final String JOB = "beyla";

  private BeylaWriter() {}

  static List<SourceCounter> counters(SimulatedCluster c) {
    return counters(c, true);
  }

  /**
   * @param agentIps whether {@code beyla.ip} and the node IPs are selected; without them the two
   *     agents' copies of a flow differ only by the scrape's {@code instance}, and the model's kept
   *     copy (the sender's agent's) stays the answer a reading should approach
   */
  static List<SourceCounter> counters(SimulatedCluster c, boolean agentIps) {
    SourceCounters out = new SourceCounters(c);
    Node offNode = c.has(SimulationSpec.SetUpFault.BEYLA_AGENT_OFF_NODE) ? strayAgentNode(c) : null;
    for (Flow f : c.flows()) {
      Pod o = f.opener();
      Pod p = f.peer();
      List<Node> agents =
          p.external() || p.node().equals(o.node())
              ? List.of(o.node())
              : List.of(o.node(), p.node());
      for (Node agent : agents) {
        // The sender's agent's copy is the one kept; from outside, the receiver's is the only one.
        Node replySender = p.external() ? o.node() : p.node();
        out.add(
            FAMILY,
            labels(o, p, "request", agent, agentIps, offNode),
            agentName(agent),
            agent,
            f,
            f.request(),
            agent.equals(o.node()) ? key(o, p) : null);
        out.add(
            FAMILY,
            labels(p, o, "response", agent, agentIps, offNode),
            agentName(agent),
            agent,
            f,
            f.reply(),
            agent.equals(replySender) ? key(p, o) : null);
      }
      if (f.via() != null && c.routing().dnatAfterHook()) {
        Map<String, String> toService = labels(o, p, "request", o.node(), agentIps, offNode);
        service(toService, "k8s_dst_", f.via());
        toService.remove("dst_zone");
        toService.remove("k8s_dst_node_ip");
        Map<String, String> fromService = labels(p, o, "response", o.node(), agentIps, offNode);
        service(fromService, "k8s_src_", f.via());
        fromService.remove("src_zone");
        fromService.remove("k8s_src_node_ip");
        out.add(FAMILY, toService, agentName(o.node()), o.node(), f, f.request(), null);
        out.add(FAMILY, fromService, agentName(o.node()), o.node(), f, f.reply(), null);
      }
    }
    return out.build();
  }

  /** The IP the agent of {@link SimulationSpec.SetUpFault#BEYLA_AGENT_OFF_NODE} reports. */
  static final String OFF_NODE_IP = "192.168.255.1";

  /** The node whose agent reports {@link #OFF_NODE_IP}: the first to send to another node. */
  static Node strayAgentNode(SimulatedCluster c) {
    for (Flow f : c.flows()) {
      if (!f.peer().external() && !f.peer().node().equals(f.opener().node())) {
        return f.opener().node();
      }
    }
    return null;
  }

  static String agentName(Node n) {
    return "beyla-" + n.name();
  }

  private static TrafficKey key(Pod src, Pod dst) {
    return new TrafficKey(src.workload(), dst.workload(), src.zone(), dst.zone());
  }

  private static void service(Map<String, String> l, String prefix, ClusterModel.Service v) {
    l.put(prefix + "owner_name", v.name());
    l.put(prefix + "owner_type", "Service");
    l.put(prefix + "namespace", v.namespace());
  }

  private static Map<String, String> labels(
      Pod src, Pod dst, String direction, Node agent, boolean agentIps, Node offNode) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("direction", direction);
    endpoint(l, "k8s_src_", "src_zone", src);
    endpoint(l, "k8s_dst_", "dst_zone", dst);
    if (agentIps) {
      l.put("beyla_ip", agent.equals(offNode) ? OFF_NODE_IP : agent.ip());
    } else {
      l.remove("k8s_src_node_ip");
      l.remove("k8s_dst_node_ip");
    }
    l.put("instance", agentName(agent));
    l.put("job", JOB);
    return l;
  }

  private static void endpoint(Map<String, String> l, String prefix, String zone, Pod p) {
    if (p.external()) {
      return;
    }
    l.put(prefix + "owner_name", p.workload().name());
    l.put(prefix + "owner_type", p.workload().kind());
    l.put(prefix + "namespace", p.namespace());
    l.put(prefix + "node_ip", p.node().ip());
    if (p.node().zone() != null) {
      l.put(zone, p.node().zone());
    }
  }
}
