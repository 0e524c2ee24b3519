package dev.zonecost.source.beyla;

import static dev.zonecost.source.beyla.BeylaLabels.DST;
import static dev.zonecost.source.beyla.BeylaLabels.NAMESPACE;
import static dev.zonecost.source.beyla.BeylaLabels.OWNER_TYPE;
import static dev.zonecost.source.beyla.BeylaLabels.SRC;

import dev.zonecost.accounting.Endpoint;
import dev.zonecost.accounting.Observation;
import dev.zonecost.accounting.PodKey;
import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.Matchers;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.source.ByteSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Beyla / OBI network flows ({@code beyla_network_flow_bytes_total} and its OBI names): one series
 * per label set per agent, the labels naming the packets' source and destination by their top owner
 * (a Deployment, not its ReplicaSet) and, where selected, zone, node IP and pod name.
 *
 * <p>Copies of one byte (REFERENCE.md "Other byte sources"): one agent runs per node and a flow
 * between two nodes is exported by both nodes' agents (OBI's multi-zone integration test, {@code
 * test/integration/k8s/netolly_multizone/netolly_multizone_feature.go}, expects two series);
 * traffic to a Service is exported both as addressed (owner type {@code Service}) and as delivered
 * to the pod. The PromQL leaves Service-owner copies out; of the agents' copies the sender's
 * agent's is kept where the agent's IP ({@code beyla.ip}) and the node IPs are selected, else every
 * copy of a flow between two nodes counts half ({@link #copies}).
 */
public final class BeylaSource implements ByteSource {
  public static final String ROLE = "flow";

  @Override
  public String name() {
    return "beyla";
  }

  @Override
  public List<Counter> counters() {
    return List.of(new Counter(ROLE, BeylaLabels.FLOW_BYTES));
  }

  @Override
  public List<String> matchers(String directionRegex, Selection sel, String clusterLabel) {
    List<String> m = new ArrayList<>();
    m.add(SRC + OWNER_TYPE + "!=" + PromqlStrings.quote(BeylaLabels.SERVICE_OWNER));
    m.add(DST + OWNER_TYPE + "!=" + PromqlStrings.quote(BeylaLabels.SERVICE_OWNER));
    Matchers.add(m, SRC + NAMESPACE + "=~", sel.sourceNamespaceRegex());
    Matchers.add(m, DST + NAMESPACE + "=~", sel.destinationNamespaceRegex());
    Matchers.add(m, SRC + NAMESPACE + "!~", sel.excludeSourceNamespaceRegex());
    Matchers.add(m, DST + NAMESPACE + "!~", sel.excludeDestinationNamespaceRegex());
    Matchers.add(m, clusterLabel + "=", sel.cluster());
    return m;
  }

  @Override
  public Observation observation(
      String role, Map<String, String> labels, String clusterLabel, double bytes) {
    int copies = copies(labels);
    if (copies == 0 || isService(labels, SRC) || isService(labels, DST)) {
      return null;
    }
    String cluster = labels.getOrDefault(clusterLabel, "");
    return new Observation(
        endpoint(labels, cluster, SRC, BeylaLabels.SRC_ZONE, BeylaLabels.SRC_ADDRESS),
        endpoint(labels, cluster, DST, BeylaLabels.DST_ZONE, BeylaLabels.DST_ADDRESS),
        Observation.Direction.OTHER,
        bytes / copies);
  }

  /**
   * How many agents exported this series' bytes, or 0 when it is a copy left out. With the agent's
   * IP and a node IP: 1 for the sender's agent's copy (the receiver's when the sender is outside
   * the cluster), 0 for the other agent's. Without: a flow with an end outside the cluster or
   * between two pods of one node (equal node IPs) has one copy, any other two — so cross-zone bytes
   * stay exact, and same-zone bytes between pods of one node are halved when the node IPs are not
   * selected either (README, "Beyla / OBI").
   */
  static int copies(Map<String, String> labels) {
    String agent = firstOf(labels, BeylaLabels.AGENT_IP);
    String srcNode = labels.getOrDefault(SRC + BeylaLabels.NODE_IP, "");
    String dstNode = labels.getOrDefault(DST + BeylaLabels.NODE_IP, "");
    if (!agent.isEmpty() && !(srcNode.isEmpty() && dstNode.isEmpty())) {
      String sender = srcNode.isEmpty() ? dstNode : srcNode;
      return agent.equals(sender) ? 1 : 0;
    }
    boolean outside = owner(labels, SRC).isEmpty() || owner(labels, DST).isEmpty();
    boolean oneNode = !srcNode.isEmpty() && srcNode.equals(dstNode);
    return outside || oneNode ? 1 : 2;
  }

  /**
   * Agents whose IP ({@code beyla.ip}) is no node's IP in the series ({@code k8s_*_node_ip}): the
   * copy rule keeps the sender's agent's copy by comparing the two, so the flows such an agent's
   * node sent are left out by both agents — their bytes missing, silently, unless said. Happens
   * when {@code network.agent_ip_iface} picks another interface than the node's address.
   */
  @Override
  public List<String> copyNotes(Collection<Map<String, String>> series) {
    Map<String, Set<String>> instancesByAgent = new TreeMap<>();
    Set<String> nodeIps = new HashSet<>();
    for (Map<String, String> labels : series) {
      String agent = firstOf(labels, BeylaLabels.AGENT_IP);
      String src = labels.getOrDefault(SRC + BeylaLabels.NODE_IP, "");
      String dst = labels.getOrDefault(DST + BeylaLabels.NODE_IP, "");
      if (agent.isEmpty() || (src.isEmpty() && dst.isEmpty())) {
        continue; // no copy rule by agent here: copies are halved instead
      }
      nodeIps.add(src);
      nodeIps.add(dst);
      instancesByAgent
          .computeIfAbsent(agent, k -> new TreeSet<>())
          .add(labels.getOrDefault("instance", ""));
    }
    List<String> unmatched = new ArrayList<>();
    instancesByAgent.forEach(
        (agent, instances) -> {
          if (!nodeIps.contains(agent)) {
            instances.remove("");
            unmatched.add(
                "beyla_ip=\""
                    + agent
                    + "\""
                    + (instances.isEmpty()
                        ? ""
                        : " (instance " + String.join(", ", instances) + ")"));
          }
        });
    if (unmatched.isEmpty()) {
      return List.of();
    }
    return List.of(
        UNMATCHED_AGENTS
            + unmatched.size()
            + " of "
            + instancesByAgent.size()
            + " agents' IP is no node's IP in k8s_src_node_ip/k8s_dst_node_ip: "
            + String.join(", ", unmatched)
            + "; the flows their nodes sent have no copy kept, their bytes are missing from"
            + " every row — set Beyla's network.agent_ip to the node's IP (BEYLA_NETWORK_AGENT_IP"
            + " from status.hostIP) or agent_ip_iface to its interface");
  }

  /** How the note on agents that match no node begins (a half-broken set-up's note). */
  public static final String UNMATCHED_AGENTS = SET_UP_NOTE + "source beyla: ";

  private static boolean isService(Map<String, String> labels, String side) {
    return BeylaLabels.SERVICE_OWNER.equals(labels.get(side + OWNER_TYPE));
  }

  private static String owner(Map<String, String> labels, String side) {
    return labels.getOrDefault(side + BeylaLabels.OWNER_NAME, "");
  }

  private static String firstOf(Map<String, String> labels, List<String> names) {
    for (String n : names) {
      String v = labels.getOrDefault(n, "");
      if (!v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  /**
   * One end: namespace, top owner (kind and name), native zone; the pod name and IP where the
   * series carry them ({@code k8s_*_name} of type {@code Pod}, {@code *_address}) so that the
   * kube-state-metrics join can place a pod whose zone label is missing.
   */
  private static Endpoint endpoint(
      Map<String, String> labels, String cluster, String side, String zone, String address) {
    String type = labels.getOrDefault(side + BeylaLabels.TYPE, "");
    String pod = type.equals("Pod") ? labels.getOrDefault(side + BeylaLabels.NAME, "") : "";
    return new Endpoint(
        new PodKey(
            cluster,
            labels.getOrDefault(side + NAMESPACE, ""),
            pod,
            pod.isEmpty() ? "" : labels.getOrDefault(address, "")),
        labels.getOrDefault(side + OWNER_TYPE, ""),
        owner(labels, side),
        labels.getOrDefault(zone, ""));
  }

  @Override
  public boolean countsOncePerByte() {
    return true;
  }

  @Override
  public List<String> pairExpressionCaveats() {
    return List.of(
        "Beyla's copy rule (keep the sender's agent's copy, beyla_ip = k8s_src_node_ip, else half"
            + " of every copy of a flow between nodes) compares two labels of one series and"
            + " counts a flow's copies, which one recording expression does not do yet");
  }
}
