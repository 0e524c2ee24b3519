package dev.zonecost.advise;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import dev.zonecost.common.NoDataException;
import dev.zonecost.common.UsageException;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.ServiceTopology;
import dev.zonecost.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code advise} use case: the window's client → Service rows (the report at {@code --group-by
 * service}) and the Services' endpoints become one {@link ServiceInput} each, then advice. The
 * reading is handed in, so this class does no I/O itself.
 */
public final class AdviseService {
  private final Function<EngineRequest, Report> reports;
  private final Function<EngineRequest, ServiceTopology> topology;
  private final CostEstimator prices;

  public AdviseService(
      Function<EngineRequest, Report> reports,
      Function<EngineRequest, ServiceTopology> topology,
      CostEstimator prices) {
    this.reports = reports;
    this.topology = topology;
    this.prices = prices;
  }

  /**
   * @param specs the Services file's entries, null without one
   */
  public AdviceReport advise(
      EngineRequest request,
      KubernetesVersion version,
      Datapath datapath,
      Map<ServiceKey, ServiceSpec> specs) {
    EngineRequest byService = byService(request);
    Report report = reports.apply(byService);
    ServiceTopology topo = topology.apply(byService);
    requireEndpointSlices(topo);
    NodeCapacity nodes = capacity(topo);
    ClusterFacts facts = new ClusterFacts(version, datapath, nodes, specs != null);
    List<ServiceInput> inputs = inputs(report.rows(), topo, specs, request.selection());
    Advisor advisor =
        new Advisor(facts, prices, java.time.Duration.between(request.start(), request.end()));
    List<Advice> advice = inputs.stream().map(advisor::advise).toList();
    return new AdviceReport(
        request.start(),
        request.end(),
        report.cost().currency(),
        report.cost().rule(),
        advice,
        assumptions(facts, topo));
  }

  /**
   * Exit 5 when kube-state-metrics exports Services but no EndpointSlice series (its {@code
   * endpointslices} collector off): every Service would look without endpoints, all advice would be
   * "no-endpoints" and every avoidable cost 0 — a silently wrong answer, not an empty one.
   */
  static void requireEndpointSlices(ServiceTopology topo) {
    boolean services =
        topo.clusterIps().keySet().stream().anyMatch(k -> !topo.externalNames().containsKey(k));
    if (services && topo.endpoints().isEmpty()) {
      throw new NoDataException(
          "kube-state-metrics exports "
              + topo.clusterIps().size()
              + " Services but no EndpointSlice series (kube_endpointslice_endpoints) in the"
              + " window, so no Service's endpoints or zones are known: enable its endpointslices"
              + " collector (--resources=...,endpointslices; the chart's collectors list)");
    }
  }

  /**
   * The request as {@code --group-by service}: the client → Service rows come from Retina's
   * ClusterIP series, which the other sources do not have.
   */
  private static EngineRequest byService(EngineRequest r) {
    if (!r.source().equals("auto") && !r.source().equals("retina")) {
      throw new UsageException(
          "advise reads the Services clients called from Retina's ClusterIP series: drop --source "
              + r.source());
    }
    return new EngineRequest(
        r.start(),
        r.end(),
        r.dedupe(),
        r.level(),
        r.selection(),
        GroupBy.SERVICE,
        r.names(),
        false,
        r.lookBehind(),
        "retina");
  }

  static NodeCapacity capacity(ServiceTopology topo) {
    if (topo.cpuByNode().isEmpty()) {
      return NodeCapacity.UNKNOWN;
    }
    Map<String, Double> byZone = new TreeMap<>();
    List<String> incomplete = new ArrayList<>();
    TreeSet<String> nodes = new TreeSet<>(topo.zoneByNode().keySet());
    nodes.addAll(topo.cpuByNode().keySet());
    for (String node : nodes) {
      String zone = topo.zoneByNode().getOrDefault(node, "");
      double cpu = topo.cpuByNode().getOrDefault(node, 0.0);
      if (zone.isEmpty() || !(cpu > 0)) {
        incomplete.add(node);
      } else {
        byZone.merge(zone, cpu, Double::sum);
      }
    }
    return new NodeCapacity(true, byZone, incomplete);
  }

  /** Per Service, its clients' bytes per zone from the rows, and its endpoints. */
  static List<ServiceInput> inputs(
      List<TrafficRow> rows,
      ServiceTopology topo,
      Map<ServiceKey, ServiceSpec> specs,
      Selection selection) {
    Map<ServiceKey, Map<String, long[]>> traffic = new TreeMap<>();
    Map<ServiceKey, long[]> unknown = new TreeMap<>();
    for (TrafficRow r : rows) {
      WorkloadRef svc;
      String clientZone;
      String endpointZone;
      if (r.key().destination().kind().equals("Service")) {
        svc = r.key().destination();
        clientZone = r.key().sourceZone();
        endpointZone = r.key().destinationZone();
      } else if (r.key().source().kind().equals("Service")) {
        svc = r.key().source();
        clientZone = r.key().destinationZone();
        endpointZone = r.key().sourceZone();
      } else {
        continue;
      }
      ServiceKey key = new ServiceKey(svc.namespace(), svc.name());
      traffic.computeIfAbsent(key, k -> new TreeMap<>());
      if (Zones.isUnknown(clientZone)) {
        unknown.computeIfAbsent(key, k -> new long[1])[0] += r.bytes();
        continue;
      }
      long[] t = traffic.get(key).computeIfAbsent(clientZone, k -> new long[2]);
      t[0] += r.bytes();
      if (!Zones.isUnknown(endpointZone) && !endpointZone.equals(clientZone)) {
        t[1] += r.bytes();
      }
    }
    TreeSet<ServiceKey> services = new TreeSet<>(traffic.keySet());
    if (selection.equals(Selection.ALL)) {
      topo.clusterIps().keySet().forEach(k -> services.add(ServiceKey.parse(k)));
      topo.endpoints().keySet().forEach(k -> services.add(ServiceKey.parse(k)));
    }
    List<ServiceInput> inputs = new ArrayList<>();
    for (ServiceKey service : services) {
      // The topology is keyed by "namespace/name" strings (engine); the rest by the record.
      String key = service.joined();
      List<ZoneTraffic> zones = new ArrayList<>();
      traffic
          .getOrDefault(service, Map.of())
          .forEach((z, t) -> zones.add(new ZoneTraffic(z, t[0], t[1])));
      Map<String, Double> endpoints = new TreeMap<>(topo.endpoints().getOrDefault(key, Map.of()));
      Double withoutZone = endpoints.remove("");
      Map<String, Double> coverage = new TreeMap<>(topo.coverage().getOrDefault(key, Map.of()));
      coverage.remove("");
      inputs.add(
          new ServiceInput(
              service.namespace(),
              service.name(),
              zones,
              unknown.getOrDefault(service, new long[1])[0],
              endpoints,
              coverage,
              withoutZone == null ? 0 : withoutZone,
              kind(topo, key),
              topo.hinted().contains(key),
              specs == null ? null : specs.get(service)));
    }
    return inputs;
  }

  private static ServiceKind kind(ServiceTopology topo, String key) {
    if (topo.externalNames().containsKey(key)) {
      return ServiceKind.EXTERNAL_NAME;
    }
    String ip = topo.clusterIps().get(key);
    if (ip == null) {
      return null;
    }
    return ip.equals("None") ? ServiceKind.HEADLESS : ServiceKind.CLUSTER_IP;
  }

  static List<String> assumptions(ClusterFacts facts, ServiceTopology topo) {
    List<String> a = new ArrayList<>();
    if (!facts.servicesFile()) {
      a.add(
          "no --services-file: internalTrafficPolicy assumed Cluster and trafficDistribution"
              + " assumed unset except where zone hints were seen; headless and ExternalName from"
              + " kube_service_info");
    }
    if (facts.version() == null) {
      a.add(
          "no --kubernetes-version: assumed 1.34 or later (spec.trafficDistribution:"
              + " PreferSameZone; PreferClose from 1.31)");
    }
    if (!facts.nodes().known()) {
      a.add(
          "no kube_node_status_allocatable: what topology-mode Auto would do cannot be told (it"
              + " weighs zones by allocatable CPU)");
    }
    a.add(
        "endpoints averaged over the window on a "
            + topo.step().toMinutes()
            + "m grid; a zone with endpoints for part of the window keeps that part in zone");
    a.add("monthly figures repeat the window's traffic over 30 days");
    return a;
  }
}
