package dev.zonecost.simulate;

import static dev.zonecost.simulate.SimulatedCluster.EGRESS;
import static dev.zonecost.simulate.SimulatedCluster.INGRESS;
import static dev.zonecost.simulate.SimulatedCluster.RETINA_FORWARD_BYTES;
import static dev.zonecost.simulate.SimulatedCluster.RETINA_JOB;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.Zones;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The model's flows as Retina exports them ({@code networkobservability_adv_forward_bytes}): per
 * observing agent, the packets' own source and destination, the observing node's direction, each
 * byte as many times as DESIGN §3's table says the agent sees it at the cluster's aggregation
 * level, with the agent's restarts and the flows' TTL gaps in the counters.
 */
final class RetinaWriter {
  private final SimulatedCluster cluster;

  private RetinaWriter(SimulatedCluster cluster) {
    this.cluster = cluster;
  }

  /** The cluster's Retina series, in the order they are written. */
  static List<Series> series(SimulatedCluster c) {
    return new RetinaWriter(c).series();
  }

  private List<Series> series() {
    List<Series> out = new ArrayList<>();
    for (Flow f : cluster.flows()) {
      if (f.withHost()) {
        withHost(out, f);
      } else if (f.via() != null) {
        throughService(out, f);
      } else if (f.peer().external()
          && cluster.routing().masquerades()
          && cluster.subnetOf(f.peer()) == null) {
        toOutside(out, f);
      } else {
        int m = observations(f);
        // Request and reply bytes are both in series labelled by the packets' own source and
        // destination; direction is the observing node's view of who opened the connection.
        out.add(retina(f.opener(), f.peer(), EGRESS, f.opener().node(), m, f, f::request));
        out.add(retina(f.peer(), f.opener(), EGRESS, f.opener().node(), m, f, f::reply));
        if (f.hasIngress()) {
          out.add(retina(f.opener(), f.peer(), INGRESS, f.peer().node(), m, f, f::request));
          out.add(retina(f.peer(), f.opener(), INGRESS, f.peer().node(), m, f, f::reply));
        }
      }
    }
    return merged(out);
  }

  /**
   * A connection to a Service's ClusterIP, DNATed by kube-proxy after Retina's hook on the client's
   * veth (DESIGN §3's table): the client's node sees the client and the ClusterIP (EGRESS, once),
   * at {@code low} also the pod pair leaving the node (EGRESS, once); the backend's node sees the
   * pod pair (INGRESS: twice at {@code low} across nodes — host interface and veth — else once).
   */
  private void throughService(List<Series> out, Flow f) {
    Pod c = f.opener();
    Pod s = f.peer();
    Pod v = address(f.via().clusterIp());
    boolean across = !c.node().equals(s.node());
    boolean low = cluster.level() == DataAggregationLevel.LOW;
    out.add(retina(c, v, EGRESS, c.node(), 1, f, f::request));
    out.add(retina(v, c, EGRESS, c.node(), 1, f, f::reply));
    if (across && low) {
      out.add(retina(c, s, EGRESS, c.node(), 1, f, f::request));
      out.add(retina(s, c, EGRESS, c.node(), 1, f, f::reply));
    }
    int m = across && low ? 2 : 1;
    out.add(retina(c, s, INGRESS, s.node(), m, f, f::request));
    out.add(retina(s, c, INGRESS, s.node(), m, f, f::reply));
  }

  /**
   * Traffic to outside the cluster: the pod's veth sees it once (EGRESS); at {@code low} the host
   * interface sees it again after masquerading, with the node's IP as its source.
   */
  private void toOutside(List<Series> out, Flow f) {
    Pod c = f.opener();
    Pod ext = f.peer();
    out.add(retina(c, ext, EGRESS, c.node(), 1, f, f::request));
    out.add(retina(ext, c, EGRESS, c.node(), 1, f, f::reply));
    if (cluster.level() == DataAggregationLevel.LOW) {
      Pod host = address(c.node().ip());
      out.add(retina(host, ext, EGRESS, c.node(), 1, f, f::request));
      out.add(retina(ext, host, EGRESS, c.node(), 1, f, f::reply));
    }
  }

  /**
   * A connection with a node at one end (DESIGN §3, "Ends that are nodes"; Retina's packetparser
   * hooks every pod's veth, and the node's default interface only at {@code low}). On one node the
   * bytes pass the pod's veth alone: once, {@code INGRESS} when the node opened the connection
   * (they enter the pod first), else {@code EGRESS}. Across nodes the node end's own agent sees its
   * host interface only (once, at {@code low}; nothing at {@code high}); the pod's node sees its
   * host interface and the pod's veth (twice at {@code low}, once at {@code high}). A NodePort
   * connection forwarded by the node also shows, on that node at {@code low}, the outside client's
   * leg entering its host interface: {@code INGRESS}, once.
   */
  private void withHost(List<Series> out, Flow f) {
    Pod o = f.opener();
    Pod p = f.peer();
    Pod pod = f.podEnd();
    Node podNode = pod.node();
    Node hostNode = (o.host() ? o : p).node();
    boolean low = cluster.level() == DataAggregationLevel.LOW;
    if (podNode.equals(hostNode)) {
      String dir = o.host() ? INGRESS : EGRESS;
      out.add(retina(o, p, dir, podNode, 1, f, f::request));
      out.add(retina(p, o, dir, podNode, 1, f, f::reply));
      return;
    }
    int m = low ? 2 : 1;
    // the opener's node says EGRESS, the peer's INGRESS
    String atPod = o.host() ? INGRESS : EGRESS;
    String atHost = o.host() ? EGRESS : INGRESS;
    out.add(retina(o, p, atPod, podNode, m, f, f::request));
    out.add(retina(p, o, atPod, podNode, m, f, f::reply));
    if (low) {
      out.add(retina(o, p, atHost, hostNode, 1, f, f::request));
      out.add(retina(p, o, atHost, hostNode, 1, f, f::reply));
      String client = cluster.nodePortClient(f);
      if (client != null) {
        Pod outside = address(client);
        out.add(retina(outside, o, INGRESS, hostNode, 1, f, f::request));
        out.add(retina(o, outside, INGRESS, hostNode, 1, f, f::reply));
      }
    }
  }

  /** An address Retina cannot name: a ClusterIP, a node's IP, the outside. */
  private Pod address(String ip) {
    return SimulatedCluster.address(ip, cluster.steps());
  }

  /**
   * Retina's series carry no ports, so connections with the same labels on one agent (a client's
   * calls to one Service through several backends) are one series: their counters add up, each
   * keeping its last value once its connection ended.
   */
  private static List<Series> merged(List<Series> series) {
    Map<Map<String, String>, List<Series>> byLabels = new LinkedHashMap<>();
    for (Series s : series) {
      byLabels.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(s);
    }
    List<Series> out = new ArrayList<>();
    for (List<Series> same : byLabels.values()) {
      if (same.size() == 1) {
        out.add(same.get(0));
        continue;
      }
      int from = same.stream().mapToInt(Series::from).min().orElseThrow();
      int to = same.stream().mapToInt(Series::to).max().orElseThrow();
      Supplier<long[]> values =
          () -> {
            long[] sum = new long[to - from + 1];
            for (Series s : same) {
              long[] v = s.valuesOrNull();
              for (int k = from; k <= to; k++) {
                sum[k - from] += k < s.from() ? 0 : v[Math.min(k, s.to()) - s.from()];
              }
            }
            return sum;
          };
      Series first = same.get(0);
      out.add(new Series(first.family(), first.labels(), from, to, values, null, first.agent()));
    }
    return out;
  }

  /** Observations of one byte per observing agent (DESIGN §3's table). */
  private int observations(Flow f) {
    if (f.sameNode()) {
      return 2;
    }
    return cluster.level() == DataAggregationLevel.LOW ? 2 : 1;
  }

  private Series retina(
      Pod src,
      Pod dst,
      String direction,
      Node agent,
      int multiplicity,
      Flow f,
      Supplier<long[]> bytes) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("direction", direction);
    endpoint(l, "source_", src);
    endpoint(l, "destination_", dst);
    l.put("instance", agent.agent());
    l.put("job", RETINA_JOB);
    Supplier<long[]> values =
        () -> {
          long[] counter = cluster.agentCounter(agent, f, bytes.get());
          for (int i = 0; i < counter.length; i++) {
            counter[i] *= multiplicity;
          }
          return counter;
        };
    return new Series(RETINA_FORWARD_BYTES, l, f.from(), f.to(), values, f, agent);
  }

  /** Retina names pods only: an address outside, or a node's (it skips host-network pods). */
  private void endpoint(Map<String, String> l, String prefix, Pod p) {
    boolean unnamed = p.external() || p.host();
    l.put(prefix + "ip", p.ip());
    l.put(prefix + "namespace", unnamed ? Zones.UNKNOWN : p.namespace());
    l.put(prefix + "podname", unnamed ? Zones.UNKNOWN : p.name());
    l.put(prefix + "workload_kind", unnamed ? Zones.UNKNOWN : p.ownerKind());
    l.put(prefix + "workload_name", unnamed ? Zones.UNKNOWN : p.ownerName());
    if (cluster.nativeZones()) {
      l.put(prefix + "zone", unnamed ? Zones.UNKNOWN : p.zone());
    }
  }
}
