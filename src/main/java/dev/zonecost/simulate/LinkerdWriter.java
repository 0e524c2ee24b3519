package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The model's Service calls as Linkerd's proxies export them, a mesh marker beside a byte source
 * (zonecost reads no bytes from them): each meshed client pod's proxy counts, per endpoint it
 * connected to, {@code tcp_write_bytes_total} (client to server) and {@code tcp_read_bytes_total}
 * (server to client) with {@code direction="outbound"}, {@code peer="dst"}, {@code tls} and the
 * destination controller's labels of the endpoint prefixed {@code dst_}: {@code dst_namespace},
 * {@code dst_service}, {@code dst_pod}, {@code dst_zone_locality}. linkerd-viz's {@code
 * linkerd-proxy} job adds the client pod's {@code namespace} and {@code pod}; {@code instance} is
 * the pod's IP and the proxy's admin port 4191. Facts from linkerd/linkerd2-proxy ({@code
 * linkerd/proxy/transport/src/metrics.rs}, {@code linkerd/app/core/src/transport/labels.rs}, {@code
 * linkerd/app/outbound/src/opaq/concrete.rs}) and linkerd/linkerd2 ({@code
 * controller/api/destination/watcher/port_publisher.go}, {@code endpoint_translator.go}, {@code
 * viz/charts/linkerd-viz/templates/prometheus.yaml}). A connection not through a Service (pod IP)
 * or from a pod without a proxy (not meshed, a node, outside the cluster) has no such series.
 */
final class LinkerdWriter {
  static final String WRITE = "tcp_write_bytes_total";
  static final String READ = "tcp_read_bytes_total";
  static final String JOB = "linkerd-proxy";

  private LinkerdWriter() {}

  /** The series of the flows whose opener {@code meshed} says runs Linkerd's proxy. */
  static List<SourceCounter> counters(SimulatedCluster c, Predicate<Pod> meshed) {
    SourceCounters out = new SourceCounters(c);
    for (Flow f : c.flows()) {
      Pod o = f.opener();
      Pod p = f.peer();
      if (f.via() == null || o.external() || o.host() || !meshed.test(o)) {
        continue;
      }
      Map<String, String> l = new LinkedHashMap<>();
      l.put("direction", "outbound");
      l.put("peer", "dst");
      if (!p.external() && meshed.test(p)) {
        l.put("tls", "true");
      } else {
        l.put("tls", "no_identity");
        l.put("no_tls_reason", "not_provided_by_service_discovery");
      }
      l.put("dst_namespace", f.via().namespace());
      l.put("dst_service", f.via().name());
      l.put("dst_pod", p.name());
      l.put("dst_zone_locality", locality(o, p));
      l.put("namespace", o.namespace());
      l.put("pod", o.name());
      String instance = o.ip() + ":4191";
      l.put("instance", instance);
      l.put("job", JOB);
      out.add(WRITE, l, instance, null, f, f.request(), null);
      out.add(READ, l, instance, null, f, f.reply(), null);
    }
    return out.build();
  }

  /** The destination controller's {@code zone_locality}: both zones known, same or not. */
  private static String locality(Pod o, Pod p) {
    if (o.node().zone() == null || p.external() || p.node().zone() == null) {
      return "unknown";
    }
    return o.node().zone().equals(p.node().zone()) ? "local" : "remote";
  }
}
