package dev.zonecost.advise;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the models need about one Service over the window.
 *
 * @param traffic per client zone, what its clients moved through the Service ({@code T_z})
 * @param unknownZoneClientBytes bytes of clients whose zone is unknown (never re-routed)
 * @param endpoints ready endpoints per zone, averaged over the window ({@code e_z})
 * @param coverage per zone, the share of the window with at least one ready endpoint there
 * @param endpointsWithoutZone ready endpoints without a zone, averaged over the window
 * @param kind what kube-state-metrics says the Service is, null when it does not know it
 * @param hinted whether kube-state-metrics showed zone hints on its endpoints in the window
 * @param spec what the Services file says, null without one
 */
public record ServiceInput(
    String namespace,
    String name,
    List<ZoneTraffic> traffic,
    long unknownZoneClientBytes,
    Map<String, Double> endpoints,
    Map<String, Double> coverage,
    double endpointsWithoutZone,
    ServiceKind kind,
    boolean hinted,
    ServiceSpec spec) {

  public ServiceInput {
    traffic = List.copyOf(traffic);
    endpoints = Map.copyOf(endpoints);
    coverage = Map.copyOf(coverage);
  }

  public String label() {
    return namespace + "/" + name;
  }

  public long clientBytes() {
    return traffic.stream().mapToLong(ZoneTraffic::clientBytes).sum() + unknownZoneClientBytes;
  }

  public long crossBytes() {
    return traffic.stream().mapToLong(ZoneTraffic::crossBytes).sum();
  }

  public double zonedEndpoints() {
    return endpoints.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public double endpointsIn(String zone) {
    return endpoints.getOrDefault(zone, 0.0);
  }

  public double coverageOf(String zone) {
    return Math.min(1, Math.max(0, coverage.getOrDefault(zone, 0.0)));
  }

  /** The client bytes per zone as a map, zones in order. */
  public Map<String, Long> clientBytesByZone() {
    Map<String, Long> m = new TreeMap<>();
    traffic.forEach(t -> m.put(t.zone(), t.clientBytes()));
    return m;
  }

  /** Every zone that has clients or endpoints, in order. */
  public List<String> zones() {
    TreeSet<String> z = new TreeSet<>(endpoints.keySet());
    traffic.forEach(t -> z.add(t.zone()));
    return List.copyOf(z);
  }

  /** The kind from the Services file where there is one, else kube-state-metrics'. */
  public ServiceKind effectiveKind() {
    return spec != null ? spec.kind() : kind == null ? ServiceKind.CLUSTER_IP : kind;
  }
}
