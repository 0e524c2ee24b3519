package dev.zonecost.source.retina;

import static dev.zonecost.promql.PromqlStrings.quote;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.source.QueryPlan;
import dev.zonecost.source.QuerySettings;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code --dedupe auto} as one PromQL expression (DESIGN §3, the tables of docs/accounting.md "One
 * observation per byte" and "Ends that are nodes"), for {@code query --grafana}, {@code rules} and
 * {@code dashboard}: each kind of Retina series chosen by its own matchers and set operations,
 * divided by its own observations per byte, then joined to zones.
 *
 * <ul>
 *   <li>two pods: the peer node's {@code INGRESS} series where the pair has one, else the opener's
 *       {@code EGRESS}; whether both pods ran on one node comes from the pod → node join ({@code
 *       kube_pod_info}), and picks the divisor ({@code ObservationsPerByte});
 *   <li>a ClusterIP end ({@code kube_service_info}): left out (it repeats the pair's bytes);
 *   <li>a pod and the outside: {@code INGRESS} where there is one, else {@code EGRESS}, once where
 *       a masqueraded node-IP copy to the same peer exists, else as Retina saw it at the level;
 *   <li>a pod and a node's IP ({@code kube_pod_info{host_ip}}): the series of the pod's node (once
 *       on one node, twice at {@code low} across nodes), else the node's own agent's; the row end
 *       is {@code (node)/<name>} with the node's zone. The agent is placed by its {@code instance}
 *       being the node's name (Retina's chart relabels it so);
 *   <li>the outside and a node: {@code INGRESS} (NodePort, LoadBalancer) once; {@code EGRESS} is
 *       the masqueraded copy and left out.
 * </ul>
 *
 * Ends unknown to kube-state-metrics keep an empty zone (unknown-zone), as in {@code report}.
 */
final class AutoExpression {
  private static final String S = "source";
  private static final String D = "destination";
  private static final String UNKNOWN = "\"unknown|\"";
  private static final String PAIR =
      "source_namespace, source_podname, source_ip,"
          + " destination_namespace, destination_podname, destination_ip";
  private static final String NODES = "source_node, destination_node";

  private final QueryPlan plan;
  private final UnaryOperator<String> bytes;
  private final String range;
  private final boolean low;

  /**
   * @param bytes the counter's bytes for a selector
   * @param range the range kube-state-metrics is read over
   */
  AutoExpression(
      QueryPlan plan, DataAggregationLevel level, UnaryOperator<String> bytes, String range) {
    this.plan = plan;
    this.bytes = bytes;
    this.range = range;
    this.low = level == DataAggregationLevel.LOW;
  }

  /** The bytes once per byte, by pair of series ends, with zones; before the workload roll-up. */
  String perSeries() {
    String all =
        or(
            podPairs(),
            outside(D),
            outside(S),
            nodeEnds(S),
            nodeEnds(D),
            fromOutsideToNode(S),
            fromOutsideToNode(D));
    return zones(all);
  }

  // --- the kinds of series -------------------------------------------------------------------

  /** Two pods: INGRESS where the pair has it, else EGRESS; divided by where both pods ran. */
  private String podPairs() {
    List<String> known = List.of(known(S), known(D));
    String ingress = attach(bytes.apply(sel(DedupeMode.INGRESS, known)), null);
    String egress =
        attach(
            paren(
                bytes.apply(sel(DedupeMode.EGRESS, known))
                    + " unless on ("
                    + PAIR
                    + ") "
                    + seen(sel(DedupeMode.INGRESS, known))),
            null);
    if (low) {
      // INGRESS: host interface and veth across nodes, the server's veth alone on one node;
      // EGRESS: two passes on either
      return or(oneNode(ingress), paren(otherNodes(ingress)) + " / 2", paren(egress) + " / 2");
    }
    return or(ingress, paren(oneNode(egress)) + " / 2", otherNodes(egress));
  }

  /**
   * A pod and the outside (side {@code out} unknown, not a ClusterIP, not a node): INGRESS where
   * the pair has it, else EGRESS; at {@code low} divided by 2 unless the peer has a masqueraded
   * node-IP copy (then the pod's veth alone holds the pair's observation).
   */
  private String outside(String out) {
    String pod = other(out);
    List<String> m = List.of(unknown(out), known(pod));
    String leftOut =
        " unless on ("
            + out
            + "_ip) "
            + serviceIps(out)
            + " unless on ("
            + out
            + "_ip) "
            + nodeIps(out, false);
    String ingress = paren(bytes.apply(sel(DedupeMode.INGRESS, m)) + leftOut);
    String egress =
        paren(
            paren(
                    bytes.apply(sel(DedupeMode.EGRESS, m))
                        + " unless on ("
                        + PAIR
                        + ") "
                        + seen(sel(DedupeMode.INGRESS, m)))
                + leftOut);
    if (!low) {
      return attachOne(or(ingress, egress), pod);
    }
    String twins = masqueradedPeers(out);
    return or(
        paren(attachOne(or(ingress, egress + " unless on (" + out + "_ip) " + twins), pod))
            + " / 2",
        attachOne(egress + " and on (" + out + "_ip) " + twins, pod));
  }

  /**
   * A pod and a node's IP (side {@code node}): every series the pod's node saw (once when the node
   * end is that node, at {@code low} twice across nodes), else those the node's own agent saw.
   */
  private String nodeEnds(String node) {
    String pod = other(node);
    String x =
        attach(
            paren(
                bytes.apply(sel(DedupeMode.MAX, List.of(unknown(node), known(pod))))
                    + " and on ("
                    + node
                    + "_ip) "
                    + nodeIps(node, false)),
            node);
    String byPodNode = paren(x + " and on (instance, " + pod + "_node) " + agents(pod));
    String byNodeItself = paren(x + " and on (instance, " + node + "_node) " + agents(node));
    return or(
        oneNode(byPodNode),
        low ? paren(otherNodes(byPodNode)) + " / 2" : otherNodes(byPodNode),
        byNodeItself + " unless on (" + PAIR + ") " + byPodNode);
  }

  /** The outside and a node (side {@code node}): INGRESS once (NodePort, LoadBalancer). */
  private String fromOutsideToNode(String node) {
    String x =
        paren(
            bytes.apply(sel(DedupeMode.INGRESS, List.of(unknown(S), unknown(D))))
                + " and on ("
                + node
                + "_ip) "
                + nodeIps(node, false));
    return "("
        + x
        + " * on ("
        + node
        + "_ip) group_left ("
        + placed(node)
        + ") "
        + nodeIps(node, true)
        + ")";
  }

  // --- joins ---------------------------------------------------------------------------------

  /**
   * {@code x} with each side's node ({@code <side>_node}): a pod's by namespace, name and IP; the
   * side {@code nodeSide} (or none, when null) is a node, found by its IP and named as a place.
   */
  private String attach(String x, String nodeSide) {
    return "((" + x + ")" + join(S, S.equals(nodeSide)) + join(D, D.equals(nodeSide)) + ")";
  }

  private String join(String side, boolean node) {
    String keys = node ? side + "_ip" : side + "_namespace, " + side + "_podname, " + side + "_ip";
    return "\n  * on ("
        + keys
        + ") group_left ("
        + (node ? placed(side) : side + "_node")
        + ") "
        + (node ? nodeIps(side, true) : pods(side));
  }

  /** {@code x} with only {@code pod}'s side's node: the other end is the outside. */
  private String attachOne(String x, String pod) {
    return "(("
        + x
        + ") * on ("
        + pod
        + "_namespace, "
        + pod
        + "_podname, "
        + pod
        + "_ip) group_left ("
        + pod
        + "_node) "
        + pods(pod)
        + ")";
  }

  /**
   * Each pod incarnation's node, labelled for one side and keyed by its namespace, name and IP; an
   * end kube-state-metrics does not know gets no node (its zone is then unknown).
   */
  private String pods(String side) {
    String p =
        "max by (namespace, pod, pod_ip, node) (max_over_time("
            + LabelNames.POD_INFO
            + "["
            + range
            + "]))";
    for (String[] r :
        new String[][] {
          {"namespace", "namespace"}, {"podname", "pod"}, {"ip", "pod_ip"}, {"node", "node"}
        }) {
      p = relabel(p, side + "_" + r[0], r[1]);
    }
    String keys = side + "_namespace, " + side + "_podname, " + side + "_ip";
    return "("
        + p
        + " or on ("
        + keys
        + ") group by ("
        + keys
        + ") ("
        + seen(sel(DedupeMode.MAX, List.of()))
        + "))";
  }

  /**
   * The nodes' IPs ({@code kube_pod_info}'s {@code host_ip}) as {@code <side>_ip}; {@code placed}
   * adds the node ({@code <side>_node}) and marks the end as a node ({@code <side>_place}).
   */
  private String nodeIps(String side, boolean placed) {
    String n =
        relabel(
            "group by (host_ip, node) (max_over_time(" + LabelNames.POD_INFO + "[" + range + "]))",
            side + "_ip",
            "host_ip");
    if (!placed) {
      return n;
    }
    n = relabel(relabel(n, side + "_node", "node"), side + "_place_name", "node");
    return "label_replace(" + n + ", \"" + side + "_place\", \"(node)\", \"\", \"\")";
  }

  private static String placed(String side) {
    return side + "_node, " + side + "_place, " + side + "_place_name";
  }

  /** The Services' ClusterIPs as {@code <side>_ip}. */
  private String serviceIps(String side) {
    return relabel(
        "group by (cluster_ip) (max_over_time(" + LabelNames.SERVICE_INFO + "[" + range + "]))",
        side + "_ip",
        "cluster_ip");
  }

  /**
   * The outside peers with a masqueraded copy: an EGRESS series from a node's IP to them (as {@code
   * <side>_ip}).
   */
  private String masqueradedPeers(String side) {
    String copies =
        seen(sel(DedupeMode.EGRESS, List.of(unknown(S), unknown(D))))
            + " and on (source_ip) "
            + nodeIps(S, false);
    return relabel("group by (destination_ip) (" + copies + ")", side + "_ip", "destination_ip");
  }

  /** Each node as the agent ({@code instance}) and as {@code <side>_node}. */
  private String agents(String side) {
    return relabel(
        relabel(
            "group by (node) (max_over_time(" + LabelNames.POD_INFO + "[" + range + "]))",
            "instance",
            "node"),
        side + "_node",
        "node");
  }

  /** The series of {@code x} whose two ends ran on one node. */
  private String oneNode(String x) {
    return paren(x + " and on (" + NODES + ") " + sameNode());
  }

  /** The series of {@code x} whose ends ran on two nodes, or whose nodes are not known. */
  private String otherNodes(String x) {
    return paren(x + " unless on (" + NODES + ") " + sameNode());
  }

  private String sameNode() {
    return relabel(
        relabel(
            "group by (node) (max_over_time(" + LabelNames.POD_INFO + "[" + range + "]))",
            "source_node",
            "node"),
        "destination_node",
        "node");
  }

  /**
   * Each end's zone: Retina's own zone label where known, else its node's (an end without a node,
   * or a node without a zone label, stays without); a node end named {@code (node)/<name>}.
   */
  private String zones(String x) {
    String zl = plan.settings().names().zoneLabel();
    String nodeZones =
        "label_replace(max by (node, "
            + zl
            + ") (max_over_time(kube_node_labels["
            + range
            + "])), \"zone\", \"$1\", \""
            + zl
            + "\", \"(.+)\")";
    String out = x;
    for (String side : new String[] {S, D}) {
      String joined = "zonecost_" + side + "_zone";
      String z = relabel(relabel(nodeZones, side + "_node", "node"), joined, "zone");
      // vector(1) answers for the series without a node: no zone
      out =
          "("
              + out
              + "\n  * on ("
              + side
              + "_node) group_left ("
              + joined
              + ") ("
              + z
              + " or vector(1)))";
      // Retina's own label unless unknown, else the join's: "native;joined"
      String both = "zonecost_" + side + "_zones";
      out =
          "label_join(label_replace("
              + out
              + ", \""
              + side
              + "_zone\", \"\", \""
              + side
              + "_zone\", \"unknown\"), \""
              + both
              + "\", \";\", \""
              + side
              + "_zone\", \""
              + joined
              + "\")";
      out =
          "label_replace("
              + out
              + ", \""
              + side
              + "_zone\", \"$1$2\", \""
              + both
              + "\", \"([^;]+);.*|;(.*)\")";
      out = relabel(out, side + "_namespace", side + "_place");
      out = relabel(out, side + "_workload_name", side + "_place_name");
    }
    return out;
  }

  // --- pieces --------------------------------------------------------------------------------

  /** The series of {@code selector} with a sample in the range: those that had bytes in it. */
  private String seen(String selector) {
    return "last_over_time(" + selector + "[" + range + "])";
  }

  private String sel(DedupeMode direction, List<String> matchers) {
    QuerySettings s = plan.settings();
    return new QueryPlan(
            new QuerySettings(
                s.start(),
                s.end(),
                direction.directionRegex(),
                s.selection(),
                s.names(),
                s.leftOpenRanges(),
                s.lookBehind(),
                s.source()))
        .forwardSelector(matchers);
  }

  private static String known(String side) {
    return side + "_namespace!~" + UNKNOWN;
  }

  private static String unknown(String side) {
    return side + "_namespace=~" + UNKNOWN;
  }

  private static String other(String side) {
    return side.equals(S) ? D : S;
  }

  /** {@code label_replace(expr, to, "$1", from, "(.+)")}: copies a label where it is set. */
  private static String relabel(String expr, String to, String from) {
    return "label_replace(" + expr + ", " + quote(to) + ", \"$1\", " + quote(from) + ", \"(.+)\")";
  }

  private static String or(String... parts) {
    return "(" + String.join("\n or ", parts) + ")";
  }

  private static String paren(String x) {
    return "(" + x + ")";
  }
}
