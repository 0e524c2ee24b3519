package dev.zonecost.engine;

import dev.zonecost.accounting.NodeZones;
import dev.zonecost.kube.KubeQueries;
import dev.zonecost.kube.TopologyQueries;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Series;
import dev.zonecost.source.QueryPlan;
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
    Map<String, Map<String, Double>> endpoints = new TreeMap<>();
    for (Series s : series(plan, q.averageReadyEndpoints())) {
      endpoints
          .computeIfAbsent(service(s, serviceOfSlice), k -> new TreeMap<>())
          .merge(s.label("endpoint_zone"), value(s), Double::sum);
    }
    Map<String, Map<String, Double>> coverage = new TreeMap<>();
    for (Series s : series(plan, q.zoneCoverage())) {
      coverage
          .computeIfAbsent(service(s, serviceOfSlice), k -> new TreeMap<>())
          .merge(s.label("endpoint_zone"), value(s), Math::max);
    }
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
    return new ServiceTopology(
        endpoints, coverage, hinted, clusterIps, externalNames, cpu, zones, q.step());
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
