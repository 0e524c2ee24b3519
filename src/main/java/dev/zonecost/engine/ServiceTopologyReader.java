package dev.zonecost.engine;

import dev.zonecost.accounting.NodeZones;
import dev.zonecost.kube.KubeQueries;
import dev.zonecost.kube.TopologyQueries;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.source.QueryPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@link ServiceTopology} for {@code advise}: the queries of {@link TopologyQueries} plus the
 * slices' Services and the nodes' zones of the report's plan, one after the other (a handful of
 * small answers).
 */
public final class ServiceTopologyReader {
  private final PrometheusApi api;

  public ServiceTopologyReader(PrometheusApi api) {
    this.api = api;
  }

  public ServiceTopology read(EngineRequest request) {
    boolean leftOpen = RangeSemantics.AUTO.leftOpen(api.version());
    QueryPlan plan = TrafficEngine.plan(request, leftOpen);
    TopologyQueries q = new TopologyQueries(plan.settings().scope(), plan.settings().queryWindow());
    KubeQueries kube = new KubeQueries(plan.settings().scope(), plan.settings().queryWindow());
    String cluster = plan.settings().names().clusterLabel();
    Map<String, String> serviceOfSlice = new HashMap<>();
    for (Series s : series(plan, kube.sliceServices())) {
      serviceOfSlice.put(
          s.label("namespace") + "/" + s.label("endpointslice"),
          s.label("label_kubernetes_io_service_name"));
    }
    EndpointTimeline timeline = timeline(plan, q, serviceOfSlice, request);
    Set<String> hinted = new HashSet<>();
    for (Series s : series(plan, q.hintedSlices())) {
      hinted.add(service(s, serviceOfSlice));
    }
    Map<String, String> clusterIps = new TreeMap<>();
    Map<String, String> externalNames = new TreeMap<>();
    for (Series s : series(plan, q.serviceKinds())) {
      String key = s.label("namespace") + "/" + s.label("service");
      clusterIps.put(key, s.label("cluster_ip"));
      if (!s.label("external_name").isEmpty()) {
        externalNames.put(key, s.label("external_name"));
      }
    }
    Map<String, Double> cpu = new TreeMap<>();
    for (Series s : series(plan, q.nodeCpu())) {
      cpu.put(s.label("node"), value(s));
    }
    Map<String, String> zones = new TreeMap<>();
    for (Series s : series(plan, kube.nodeZones())) {
      zones.merge(
          s.label("node"),
          NodeZones.of(s::label, plan.settings().names().zoneLabel()),
          (a, b) -> a.isEmpty() ? b : a);
    }
    Map<String, String> meshes =
        meshes(series(plan, q.meshedByIstio()), series(plan, q.meshedByLinkerd()));
    return new ServiceTopology(
        timeline.averages(),
        timeline.coverage(),
        hinted,
        clusterIps,
        externalNames,
        cpu,
        zones,
        q.step(),
        timeline,
        meshes);
  }

  /**
   * Per Service, the mesh whose client proxies carried its connections: Istio's by {@code
   * destination_service} ({@code name.namespace.svc.<domain>}), Linkerd's by {@code dst_namespace}
   * and {@code dst_service}; a Service both name (a mesh migration) is said to be Istio's.
   */
  static Map<String, String> meshes(List<Series> istio, List<Series> linkerd) {
    Map<String, String> meshes = new TreeMap<>();
    for (Series s : linkerd) {
      if (!s.label("dst_namespace").isEmpty() && !s.label("dst_service").isEmpty()) {
        meshes.put(s.label("dst_namespace") + "/" + s.label("dst_service"), "linkerd");
      }
    }
    for (Series s : istio) {
      String[] fqdn = s.label("destination_service").split("\\.");
      if (fqdn.length >= 2) {
        meshes.put(fqdn[1] + "/" + fqdn[0], "istio");
      }
    }
    return meshes;
  }

  /**
   * The ready endpoints per Service and zone at each step of the grid. A Service with several
   * slices adds them up (each endpoint is in one slice of an address family).
   */
  private EndpointTimeline timeline(
      QueryPlan plan, TopologyQueries q, Map<String, String> serviceOfSlice, EngineRequest r) {
    Duration step = q.step();
    Instant firstEnd = EndpointTimeline.firstEnd(r.start(), step);
    int steps =
        r.end().isBefore(firstEnd)
            ? 0
            : (int) (Duration.between(firstEnd, r.end()).toMillis() / step.toMillis()) + 1;
    Map<String, Map<String, int[]>> ready = new TreeMap<>();
    Map<String, Map<String, int[]>> byNode = new TreeMap<>();
    BitSet reported = new BitSet();
    for (Series s : series(plan, q.readyEndpointsPerStep())) {
      String svc = service(s, serviceOfSlice);
      int[] counts =
          ready
              .computeIfAbsent(svc, k -> new TreeMap<>())
              .computeIfAbsent(s.label("endpoint_zone"), k -> new int[steps]);
      int[] onNode =
          byNode
              .computeIfAbsent(svc, k -> new TreeMap<>())
              .computeIfAbsent(s.label("endpoint_nodename"), k -> new int[steps]);
      for (Sample p : s.samples()) {
        long since = p.timestampMillis() - firstEnd.toEpochMilli();
        // the point at t ends the step (t − step, t]; a point at the window's start (Prometheus
        // 2's closed subquery) ends the step before it
        int i = (int) Math.floorDiv(since, step.toMillis());
        if (i >= 0 && i < steps) {
          counts[i] += (int) Math.round(p.value());
          onNode[i] += (int) Math.round(p.value());
          reported.set(i);
        }
      }
    }
    for (Map<String, Map<String, int[]>> m : List.of(ready, byNode)) {
      for (Map<String, int[]> places : m.values()) {
        for (int[] counts : places.values()) {
          carry(counts, reported);
        }
      }
    }
    return new EndpointTimeline(r.start(), firstEnd, step, steps, ready, reported, byNode);
  }

  /** Steps not reported take the nearest reported step before them, else the first after. */
  static void carry(int[] counts, BitSet reported) {
    int first = reported.nextSetBit(0);
    for (int i = 0; i < counts.length; i++) {
      if (reported.get(i)) {
        continue;
      }
      int from = reported.previousSetBit(i);
      counts[i] = from >= 0 ? counts[from] : first >= 0 ? counts[first] : 0;
    }
  }

  /** The slice's Service: its label, else its name less the generated suffix (as the engine). */
  private static String service(Series s, Map<String, String> serviceOfSlice) {
    String ns = s.label("namespace");
    String slice = s.label("endpointslice");
    String name = serviceOfSlice.get(ns + "/" + slice);
    if (name == null || name.isEmpty()) {
      name = slice.replaceFirst("-[a-z0-9]{5}$", "");
    }
    return ns + "/" + name;
  }

  private static double value(Series s) {
    return s.samples().get(0).value();
  }

  private List<Series> series(QueryPlan plan, String promql) {
    return api.query(promql, plan.evaluationTime()).series();
  }
}
