package dev.zonecost.simulate;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.Zones;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's flows as Istio ambient's ztunnel (≥ 1.26) exports them: {@code
 * istio_tcp_received_bytes_total} (client to server) and {@code istio_tcp_sent_bytes_total} (server
 * to client), once by the client's node's ztunnel ({@code reporter="source"}) and once by the
 * server's ({@code reporter="destination"}), with both workloads, namespaces and zones ({@code
 * unknown} when missing). Facts from ztunnel's {@code src/proxy/metrics.rs} at commit 62d82653
 * ({@code CommonTrafficLabels}, {@code LocalityLabels}, the sent/received flip of
 * istio/istio#32399). ztunnel resolves a Service to the backend it connects to, so a Service call
 * names the backend's workload (and the Service in {@code destination_service}); a peer outside the
 * mesh is {@code unknown} and reports nothing itself.
 */
final class IstioWriter {
  static final String RECEIVED = "istio_tcp_received_bytes_total";
  static final String SENT = "istio_tcp_sent_bytes_total";
  static final String JOB = "ztunnel";

  private IstioWriter() {}

  static List<SourceCounter> counters(SimulatedCluster c) {
    SourceCounters out = new SourceCounters(c);
    for (Flow f : c.flows()) {
      Pod o = f.opener();
      Pod p = f.peer();
      add(out, f, "source", o.node(), true);
      if (!p.external()) {
        add(out, f, "destination", p.node(), false);
      }
    }
    return out.build();
  }

  /**
   * The same flows as Istio's sidecars export them: the same names without zone labels, each
   * sidecar scraped as its own pod ({@code namespace}, {@code pod}, {@code instance} = the pod's IP
   * and Envoy's stats port 15090). The client's sidecar reports {@code source}, the server's {@code
   * destination}; a reading keeps the client's, which places the client by the join and cannot
   * place the server (a workload, not a pod): that side's zone is unknown.
   */
  static List<SourceCounter> sidecarCounters(SimulatedCluster c) {
    SourceCounters out = new SourceCounters(c);
    for (Flow f : c.flows()) {
      sidecar(out, f, "source", f.opener(), true);
      if (!f.peer().external()) {
        sidecar(out, f, "destination", f.peer(), false);
      }
    }
    return out.build();
  }

  /** The labels both proxies give a connection: reporter, the two workloads, the Service. */
  private static Map<String, String> connection(Flow f, String reporter) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("reporter", reporter);
    workload(l, "source_", f.opener());
    l.put(
        "destination_service",
        f.via() == null
            ? Zones.UNKNOWN
            : f.via().name() + "." + f.via().namespace() + ".svc.cluster.local");
    workload(l, "destination_", f.peer());
    l.put("request_protocol", "tcp");
    l.put("connection_security_policy", f.peer().external() ? "unknown" : "mutual_tls");
    return l;
  }

  private static void sidecar(
      SourceCounters out, Flow f, String reporter, Pod proxy, boolean kept) {
    Pod o = f.opener();
    Pod p = f.peer();
    Map<String, String> l = connection(f, reporter);
    l.put("namespace", proxy.namespace());
    l.put("pod", proxy.name());
    String instance = proxy.ip() + ":15090";
    l.put("instance", instance);
    l.put("job", "kubernetes-pods");
    TrafficKey request = new TrafficKey(o.workload(), p.workload(), o.zone(), Zones.UNKNOWN);
    TrafficKey reply = new TrafficKey(p.workload(), o.workload(), Zones.UNKNOWN, o.zone());
    out.add(RECEIVED, l, instance, null, f, f.request(), kept ? request : null);
    out.add(SENT, l, instance, null, f, f.reply(), kept ? reply : null);
  }

  private static void add(SourceCounters out, Flow f, String reporter, Node agent, boolean kept) {
    Pod o = f.opener();
    Pod p = f.peer();
    Map<String, String> l = connection(f, reporter);
    l.put("source_zone", o.zone());
    l.put("destination_zone", p.zone());
    l.put("instance", "ztunnel-" + agent.name());
    l.put("job", JOB);
    String name = "ztunnel-" + agent.name();
    out.add(RECEIVED, l, name, agent, f, f.request(), kept ? key(o, p) : null);
    out.add(SENT, l, name, agent, f, f.reply(), kept ? key(p, o) : null);
  }

  private static void workload(Map<String, String> l, String prefix, Pod p) {
    l.put(prefix + "workload", p.external() ? Zones.UNKNOWN : p.workload().name());
    l.put(prefix + "workload_namespace", p.external() ? Zones.UNKNOWN : p.namespace());
  }

  private static TrafficKey key(Pod src, Pod dst) {
    return new TrafficKey(src.workload(), dst.workload(), src.zone(), dst.zone());
  }
}
