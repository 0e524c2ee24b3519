package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes each node's own network interface carried, as the node's exporters count them:
 * node-exporter's {@code node_network_transmit_bytes_total} / {@code _receive_} per {@code device}
 * (netdev collector; scraped through kube-prometheus-stack's ServiceMonitor, REAL-FORMATS §6: no
 * node label, {@code instance} the node's IP and port 9100), and cAdvisor's root cgroup ({@code
 * container_network_*_bytes_total{id="/"}} per {@code interface}, the kubelet job's labels). Every
 * byte that leaves or enters the node: pods' traffic with other nodes and the outside, NodePort
 * clients' legs, host-network traffic, and the node's own internet traffic (image pulls), which no
 * bill's inter-zone line has. Written when the cluster has host-network pods: node-exporter's on
 * every node but the last, with {@code lo} beside {@code eth0} (large counts that are no link's),
 * in the cluster's series; cAdvisor's root cgroup on every node with the pods' cAdvisor series
 * ({@link CadvisorSeries}, {@code simulate --cadvisor}).
 */
final class NicSeries {
  static final String NODE_TRANSMIT = "node_network_transmit_bytes_total";
  static final String NODE_RECEIVE = "node_network_receive_bytes_total";
  static final String NODE_EXPORTER = "node-exporter";
  static final String CADVISOR = "cAdvisor";

  /** The node's own internet traffic per scrape interval: {sent, received}. */
  static final long[] OWN_INTERNET = {500_000, 2_000_000};

  private NicSeries() {}

  /** Per node, the bytes out and in of the interval ending at each step: {out[], in[]}. */
  static Map<String, long[][]> perStep(SimulatedCluster c) {
    Map<String, long[][]> out = new TreeMap<>();
    for (Node n : c.nodes()) {
      long[][] v = new long[2][c.steps() + 1];
      for (int k = Math.max(1, n.from()); k <= c.steps(); k++) {
        v[0][k] += OWN_INTERNET[0];
        v[1][k] += OWN_INTERNET[1];
      }
      out.put(n.name(), v);
    }
    for (Flow f : c.flows()) {
      long[] req = f.request();
      long[] rep = f.reply();
      for (int i = 0; i < req.length; i++) {
        carried(out, f.opener(), f.peer(), f.from() + i, req[i]);
        carried(out, f.peer(), f.opener(), f.from() + i, rep[i]);
        if (c.nodePortClient(f) != null) {
          // the client's leg: in at the forwarding node with the request, out with the reply
          out.get(f.opener().node().name())[1][f.from() + i] += req[i];
          out.get(f.opener().node().name())[0][f.from() + i] += rep[i];
        }
      }
    }
    HostNetworkTraffic.of(c).forEach((node, hours) -> spread(c, out.get(node), hours));
    return out;
  }

  /** Bytes between two ends cross a NIC when the ends are not on one node. */
  private static void carried(Map<String, long[][]> out, Pod from, Pod to, int step, long bytes) {
    if (from.node() != null && to.node() != null && from.node().equals(to.node())) {
      return;
    }
    if (from.node() != null) {
      out.get(from.node().name())[0][step] += bytes;
    }
    if (to.node() != null) {
      out.get(to.node().name())[1][step] += bytes;
    }
  }

  /** An hour's host-network bytes over its steps, the remainder on its last. */
  private static void spread(SimulatedCluster c, long[][] v, Map<Instant, long[]> hours) {
    hours.forEach(
        (hour, bytes) -> {
          List<Integer> steps = new ArrayList<>();
          for (int k = 1; k <= c.steps(); k++) {
            if (HostNetworkTraffic.hourOf(c, k).equals(hour)) {
              steps.add(k);
            }
          }
          for (int d = 0; d < 2; d++) {
            long each = bytes[d] / steps.size();
            for (int k : steps) {
              v[d][k] += each;
            }
            v[d][steps.get(steps.size() - 1)] += bytes[d] - each * steps.size();
          }
        });
  }

  /** Whether a node's counters come from node-exporter (else cAdvisor's root cgroup only). */
  static boolean hasNodeExporter(SimulatedCluster c, Node n) {
    return !n.equals(c.nodes().get(c.nodes().size() - 1));
  }

  /** The series, written when the cluster has host-network pods (node agents). */
  static List<Series> series(SimulatedCluster c) {
    if (c.hostNetworkPods().isEmpty()) {
      return List.of();
    }
    Map<String, long[][]> bytes = perStep(c);
    List<Series> out = new ArrayList<>();
    for (int d = 0; d < 2; d++) {
      String family = d == 0 ? NODE_TRANSMIT : NODE_RECEIVE;
      for (Node n : c.nodes()) {
        if (!hasNodeExporter(c, n)) {
          continue;
        }
        long[] perStep = bytes.get(n.name())[d];
        out.add(
            new Series(family, nodeExporter(n, "eth0"), n.from(), c.steps(), counter(n, perStep)));
        long[] loopback = new long[perStep.length];
        java.util.Arrays.fill(loopback, 9_000_000L);
        out.add(
            new Series(family, nodeExporter(n, "lo"), n.from(), c.steps(), counter(n, loopback)));
      }
    }
    return out;
  }

  /**
   * cAdvisor's root cgroup of every node, one family: written with the pods' cAdvisor series
   * ({@link CadvisorSeries}, {@code simulate --cadvisor}) when the cluster has host-network pods.
   */
  static List<Series> cadvisorRoot(SimulatedCluster c, boolean transmit) {
    if (c.hostNetworkPods().isEmpty()) {
      return List.of();
    }
    Map<String, long[][]> bytes = perStep(c);
    List<Series> out = new ArrayList<>();
    String family = transmit ? CadvisorSeries.TRANSMIT : CadvisorSeries.RECEIVE;
    for (Node n : c.nodes()) {
      long[] perStep = bytes.get(n.name())[transmit ? 0 : 1];
      out.add(new Series(family, cadvisorRoot(n), n.from(), c.steps(), counter(n, perStep)));
    }
    return out;
  }

  private static java.util.function.Supplier<long[]> counter(Node n, long[] perStep) {
    return () -> {
      long[] v = new long[perStep.length - n.from()];
      long sum = 0;
      for (int k = n.from(); k < perStep.length; k++) {
        sum += perStep[k];
        v[k - n.from()] = sum;
      }
      return v;
    };
  }

  /** node-exporter's series as kube-prometheus-stack's ServiceMonitor stores them. */
  private static Map<String, String> nodeExporter(Node n, String device) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("device", device);
    l.put("container", "node-exporter");
    l.put("endpoint", "http-metrics");
    l.put("instance", n.ip() + ":9100");
    l.put("job", "node-exporter");
    l.put("namespace", "monitoring");
    l.put("pod", "prometheus-node-exporter-" + n.name().hashCode() % 100_000);
    l.put("service", "prometheus-node-exporter");
    return l;
  }

  /** cAdvisor's root cgroup: no pod, namespace, container or image (empty labels are dropped). */
  private static Map<String, String> cadvisorRoot(Node n) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("id", "/");
    l.put("interface", "eth0");
    l.put("endpoint", "https-metrics");
    l.put("instance", n.ip() + ":10250");
    l.put("job", "kubelet");
    l.put("metrics_path", "/metrics/cadvisor");
    l.put("node", n.name());
    l.put("service", "kubelet");
    return l;
  }

  /**
   * Whether the node's counters have a sample at {@code t}: an hour with samples at both its edges
   * is shown whole by an increase over it, without extrapolation (Prometheus) or a base before it
   * (VictoriaMetrics).
   */
  static boolean sampledAt(SimulatedCluster c, Node n, Instant t) {
    long ms = java.time.Duration.between(c.dataStart(), t).toMillis();
    long dt = c.scrapeInterval().toMillis();
    if (ms % dt != 0) {
      return false;
    }
    int step = (int) (ms / dt);
    return step >= n.from() && step <= c.steps() && !c.outage().get(step);
  }

  /** The bytes of a node's interface in an hour: {sent, received}. */
  static long[] hour(SimulatedCluster c, Map<String, long[][]> perStep, Node n, Instant hour) {
    long[][] v = perStep.get(n.name());
    long[] out = new long[2];
    for (int k = 1; k <= c.steps(); k++) {
      if (HostNetworkTraffic.hourOf(c, k).equals(hour)) {
        out[0] += v[0][k];
        out[1] += v[1][k];
      }
    }
    return out;
  }
}
