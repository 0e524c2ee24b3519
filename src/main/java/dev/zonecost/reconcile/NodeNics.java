package dev.zonecost.reconcile;

import dev.zonecost.kube.KubeQueries;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Series;
import dev.zonecost.reconcile.GapReasons.NicBytes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes each node's own links carried in a bucket, for {@link GapReasons}: node-exporter's
 * counters where a node has them (its {@code instance} is the node's address and port: matched to
 * {@code kube_node_info}'s {@code internal_ip}), else cAdvisor's root cgroup (by its {@code node}
 * label). Nodes neither has are left out: no figure is made up for them.
 */
final class NodeNics {
  static final String NODE_EXPORTER = "node-exporter";
  static final String CADVISOR = "cAdvisor";

  private NodeNics() {}

  /** Per node, its links' bytes over the window {@code kube} reads, at {@code end}. */
  static Map<String, NicBytes> read(
      PrometheusApi api, KubeQueries kube, Instant end, NodeInstances instances) {
    Map<String, long[]> exporter = new HashMap<>();
    for (int d = 0; d < 2; d++) {
      for (Series s : api.query(kube.nodeExporterNic(d == 0), end).series()) {
        String node = instances.nodeAtAddress(host(s.label("instance")));
        if (node != null && !s.samples().isEmpty()) {
          exporter.computeIfAbsent(node, k -> new long[2])[d] += bytes(s);
        }
      }
    }
    Map<String, long[]> cadvisor = new HashMap<>();
    for (int d = 0; d < 2; d++) {
      for (Series s : api.query(kube.cadvisorRootNic(d == 0), end).series()) {
        if (!s.label("node").isEmpty() && !s.samples().isEmpty()) {
          cadvisor.computeIfAbsent(s.label("node"), k -> new long[2])[d] += bytes(s);
        }
      }
    }
    Map<String, NicBytes> out = new TreeMap<>();
    cadvisor.forEach((n, v) -> out.put(n, new NicBytes(CADVISOR, v[0], v[1])));
    exporter.forEach((n, v) -> out.put(n, new NicBytes(NODE_EXPORTER, v[0], v[1])));
    return out;
  }

  /** An instance's host: {@code 10.0.1.5:9100} → {@code 10.0.1.5}, {@code [fd00::1]:9100} too. */
  static String host(String instance) {
    if (instance.startsWith("[")) {
      int close = instance.indexOf(']');
      return close > 0 ? instance.substring(1, close) : instance;
    }
    int colon = instance.lastIndexOf(':');
    return colon > 0 && instance.indexOf(':') == colon ? instance.substring(0, colon) : instance;
  }

  private static long bytes(Series s) {
    return Math.round(s.samples().get(0).value());
  }
}
