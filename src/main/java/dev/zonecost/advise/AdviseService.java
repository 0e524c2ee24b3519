package dev.zonecost.advise;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.NodeTraffic;
import dev.zonecost.accounting.Places;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.Subnets;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import dev.zonecost.common.NoDataException;
import dev.zonecost.common.UsageException;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.engine.EndpointTimeline;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.ServiceTopology;
import dev.zonecost.report.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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

  /** The same use case with each topology it reads passed through {@code then} first. */
  AdviseService readingTopology(UnaryOperator<ServiceTopology> then) {
    return new AdviseService(reports, topology.andThen(then), prices);
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
    ServiceTopology topo = topology.apply(byService);
    requireEndpointSlices(topo);
    NodeCapacity nodes = capacity(topo);
    ClusterFacts facts = new ClusterFacts(version, datapath, nodes, specs != null);
    Advisor advisor = new Advisor(facts, prices, Duration.between(request.start(), request.end()));
    EndpointTimeline timeline = topo.timeline();
    List<StepSegments.Segment> segments = StepSegments.split(timeline);
    if (segments.isEmpty()) {
      Report report = reports.apply(byService);
      List<ServiceInput> inputs = inputs(report.rows(), topo, specs, request.selection());
      List<Advice> advice = inputs.stream().map(in -> meshed(advisor.advise(in), topo)).toList();
      return new AdviceReport(
          request.start(),
          request.end(),
          report.cost().currency(),
          report.cost().rule(),
          advice,
          assumptions(facts, topo, 0, true, true));
    }
    // kube-proxy decides per moment: each segment (the endpoints unchanged in it) is advised on
    // its own bytes and endpoints, then the segments add up.
    Map<String, List<Combined.Part>> parts = new TreeMap<>();
    Map<String, List<ServiceInput>> partInputs = new TreeMap<>();
    Report first = null;
    double window = Duration.between(request.start(), request.end()).toMillis();
    boolean exact = true;
    boolean sameDecisions = true;
    Map<TrafficKey, Long> before = Map.of();
    for (StepSegments.Segment seg : segments) {
      Instant from = StepSegments.start(timeline, seg);
      Instant to =
          seg.to() == timeline.steps() - 1 ? request.end() : StepSegments.end(timeline, seg);
      // Each segment's bytes are the window up to its end less the window up to its start, so the
      // segments add up to the window by construction, whatever lies on their edges.
      Report report = reports.apply(byService.withWindow(request.start(), to));
      first = first == null ? report : first;
      exact &= seg.exact();
      sameDecisions &= seg.sameDecisions();
      List<TrafficRow> rows = since(report.rows(), before);
      before = totals(report.rows());
      List<ServiceInput> inputs =
          inputs(
              rows,
              topo,
              specs,
              request.selection(),
              key -> StepSegments.endpoints(timeline, key, seg),
              key -> StepSegments.coverage(timeline, key, seg));
      Map<String, NodeInput> byNode = ClientNodes.of(rows, timeline, seg);
      for (ServiceInput in : inputs) {
        Advice a = advisor.advise(in, byNode.getOrDefault(in.label(), NodeInput.NONE));
        parts
            .computeIfAbsent(in.label(), k -> new ArrayList<>())
            .add(new Combined.Part(a, Duration.between(from, to).toMillis() / window));
        partInputs.computeIfAbsent(in.label(), k -> new ArrayList<>()).add(in);
      }
    }
    List<Advice> advice = new ArrayList<>();
    parts.forEach(
        (key, p) ->
            advice.add(meshed(Combined.of(p, advisor, whole(partInputs.get(key), topo)), topo)));
    return new AdviceReport(
        request.start(),
        request.end(),
        first.cost().currency(),
        first.cost().rule(),
        advice,
        assumptions(facts, topo, segments.size(), exact, sameDecisions));
  }

  /** The advice with the mesh whose proxies carried the Service's connections, if any. */
  static Advice meshed(Advice a, ServiceTopology topo) {
    Mesh m = Mesh.of(topo.meshes().getOrDefault(a.label(), ""));
    return m == null ? a : a.withMesh(m);
  }

  /** Per key, the bytes of {@code rows}. */
  static Map<TrafficKey, Long> totals(List<TrafficRow> rows) {
    Map<TrafficKey, Long> out = new HashMap<>();
    rows.forEach(r -> out.merge(r.key(), r.bytes(), Long::sum));
    return out;
  }

  /** The rows less what {@code before} had of each key: a longer window's extra bytes. */
  static List<TrafficRow> since(List<TrafficRow> rows, Map<TrafficKey, Long> before) {
    List<TrafficRow> out = new ArrayList<>();
    totals(rows)
        .forEach(
            (k, b) -> {
              long extra = b - before.getOrDefault(k, 0L);
              if (extra > 0) {
                out.add(new TrafficRow(k, extra));
              }
            });
    return out;
  }

  /** One Service over the window: its segments' traffic added, endpoints as averaged. */
  static ServiceInput whole(List<ServiceInput> parts, ServiceTopology topo) {
    ServiceInput a = parts.get(0);
    Map<String, long[]> t = new TreeMap<>();
    long unknown = 0;
    for (ServiceInput in : parts) {
      for (ZoneTraffic z : in.traffic()) {
        long[] sum = t.computeIfAbsent(z.zone(), k -> new long[2]);
        sum[0] += z.clientBytes();
        sum[1] += z.crossBytes();
      }
      unknown += in.unknownZoneClientBytes();
    }
    List<ZoneTraffic> traffic = new ArrayList<>();
    t.forEach((z, v) -> traffic.add(new ZoneTraffic(z, v[0], v[1])));
    Map<String, Double> endpoints =
        new TreeMap<>(topo.endpoints().getOrDefault(a.label(), Map.of()));
    Double withoutZone = endpoints.remove("");
    Map<String, Double> coverage = new TreeMap<>(topo.coverage().getOrDefault(a.label(), Map.of()));
    coverage.remove("");
    return new ServiceInput(
        a.namespace(),
        a.name(),
        traffic,
        unknown,
        endpoints,
        coverage,
        withoutZone == null ? 0 : withoutZone,
        a.kind(),
        a.hinted(),
        a.spec());
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
        "retina",
        // clients named by their node: PreferSameNode routes by it (the zone rule reads the zones)
        new Places(NodeTraffic.NAME, Subnets.NONE, true));
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
    return inputs(
        rows,
        topo,
        specs,
        selection,
        key -> topo.endpoints().getOrDefault(key, Map.of()),
        key -> topo.coverage().getOrDefault(key, Map.of()));
  }

  /** The same with each Service's endpoints and coverage (per zone, "" without zone) given. */
  static List<ServiceInput> inputs(
      List<TrafficRow> rows,
      ServiceTopology topo,
      Map<ServiceKey, ServiceSpec> specs,
      Selection selection,
      Function<String, Map<String, Double>> endpointsOf,
      Function<String, Map<String, Double>> coverageOf) {
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
      Map<String, Double> endpoints = new TreeMap<>(endpointsOf.apply(key));
      Double withoutZone = endpoints.remove("");
      Map<String, Double> coverage = new TreeMap<>(coverageOf.apply(key));
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

  static List<String> assumptions(
      ClusterFacts facts,
      ServiceTopology topo,
      int segments,
      boolean exact,
      boolean sameDecisions) {
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
              + " PreferSameZone and PreferSameNode; PreferClose from 1.31)");
    } else {
      a.add(ModeVersions.line(facts.version()));
    }
    if (!facts.nodes().known()) {
      a.add(
          "no kube_node_status_allocatable: what topology-mode Auto would do cannot be told (it"
              + " weighs zones by allocatable CPU)");
    }
    if (segments == 0) {
      a.add("no ready endpoints read step by step: endpoints averaged over the window");
    } else {
      a.add(
          "decided step by step on a "
              + topo.step().toMinutes()
              + "m grid as kube-proxy decides per moment: "
              + segments
              + (segments == 1 ? " segment" : " segments")
              + " in which the endpoints did not change, each measured on its own"
              + (exact
                  ? ""
                  : "; segments joined where kube-proxy's decisions did not change, loads and"
                      + " Auto's hints averaged within them")
              + (sameDecisions
                  ? ""
                  : "; past "
                      + StepSegments.MAX
                      + " changes of kube-proxy's decisions the shortest segments were joined"
                      + " anyway: the saving is averaged within those, not exact (narrow the"
                      + " window)"));
    }
    a.add("monthly figures repeat the window's traffic over 30 days");
    return a;
  }
}
