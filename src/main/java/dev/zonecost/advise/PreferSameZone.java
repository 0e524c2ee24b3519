package dev.zonecost.advise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.trafficDistribution: PreferSameZone} (PreferClose): the EndpointSlice controller
 * hints every ready endpoint that has a zone for its own zone, with no CPU weighting and no
 * overload safeguard ({@code staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go}).
 * kube-proxy then keeps a client to its zone's endpoints when there is one, else uses all of them
 * ({@code pkg/proxy/topology.go}, {@code topologyModeFromHints}).
 *
 * <p>So what still crosses is the bytes of clients in zones without a ready endpoint: per zone
 * {@code T_z × (1 − coverage_z)}, never more than what crossed from that zone today.
 */
public final class PreferSameZone {
  /** Replicas added one at a time while suggesting a fix; beyond, the suggestion is left out. */
  static final int MAX_ADDED_REPLICAS = 1000;

  private PreferSameZone() {}

  /** The prediction for one Service that is not gated. */
  public record Prediction(long remainingCrossBytes, List<ZoneLoad> loads) {
    public boolean overloaded() {
      return loads.stream().anyMatch(ZoneLoad::overloaded);
    }
  }

  public static Prediction predict(ServiceInput in) {
    long remaining = 0;
    for (ZoneTraffic t : in.traffic()) {
      long stays = Math.round(t.clientBytes() * (1 - in.coverageOf(t.zone())));
      remaining += Math.min(t.crossBytes(), stays);
    }
    Map<String, Double> endpoints = new LinkedHashMap<>();
    Map<String, Double> coverage = new LinkedHashMap<>();
    for (String z : in.zones()) {
      endpoints.put(z, in.endpointsIn(z));
      coverage.put(z, in.coverageOf(z));
    }
    Map<String, Double> ratios = ratios(in, endpoints, coverage);
    Map<String, Integer> suggested = suggest(in, endpoints, ratios);
    double total = in.zonedEndpoints();
    List<ZoneLoad> loads = new ArrayList<>();
    for (String z : in.zones()) {
      double e = endpoints.get(z);
      if (e <= 0) {
        continue;
      }
      double share = e / total;
      double ratio = ratios.get(z);
      loads.add(new ZoneLoad(z, e, ratio * share, share, ratio, suggested.get(z)));
    }
    return new Prediction(remaining, List.copyOf(loads));
  }

  /**
   * Per zone with endpoints: (bytes its endpoints serve / all client bytes) / its endpoint share. A
   * zone's own clients stay while it has endpoints; the rest (clients of zones without, clients
   * without a zone) spread over every endpoint.
   */
  static Map<String, Double> ratios(
      ServiceInput in, Map<String, Double> endpoints, Map<String, Double> coverage) {
    Map<String, Long> clients = in.clientBytesByZone();
    double all = in.clientBytes();
    double total = endpoints.values().stream().mapToDouble(Double::doubleValue).sum();
    double spill = in.unknownZoneClientBytes();
    for (Map.Entry<String, Long> c : clients.entrySet()) {
      double cov = endpoints.getOrDefault(c.getKey(), 0.0) > 0 ? coverage.get(c.getKey()) : 0;
      spill += c.getValue() * (1 - cov);
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : endpoints.entrySet()) {
      if (e.getValue() <= 0) {
        continue;
      }
      double share = e.getValue() / total;
      double own = clients.getOrDefault(e.getKey(), 0L) * coverage.get(e.getKey());
      double served = all > 0 ? (own + spill * share) / all : share;
      ratios.put(e.getKey(), served / share);
    }
    return ratios;
  }

  /**
   * Whole replicas per zone that bring every zone to at most {@link ZoneLoad#WARN_ABOVE}: today's
   * endpoints rounded up, then one more to the most loaded zone until none is overloaded.
   */
  static Map<String, Integer> suggest(
      ServiceInput in, Map<String, Double> endpoints, Map<String, Double> ratios) {
    Map<String, Integer> n = new LinkedHashMap<>();
    Map<String, Double> counts = new LinkedHashMap<>();
    Map<String, Double> full = new LinkedHashMap<>();
    endpoints.forEach(
        (z, e) -> {
          int whole = e > 0 ? (int) Math.ceil(e - 1e-9) : 0;
          n.put(z, whole);
          counts.put(z, (double) whole);
          full.put(z, 1.0);
        });
    if (ratios.values().stream().noneMatch(r -> r > ZoneLoad.WARN_ABOVE)) {
      return n;
    }
    for (int added = 0; added < MAX_ADDED_REPLICAS; added++) {
      Map<String, Double> r = ratios(in, counts, full);
      String worst = null;
      for (Map.Entry<String, Double> e : r.entrySet()) {
        if (e.getValue() > ZoneLoad.WARN_ABOVE && (worst == null || e.getValue() > r.get(worst))) {
          worst = e.getKey();
        }
      }
      if (worst == null) {
        return n;
      }
      n.merge(worst, 1, Integer::sum);
      counts.merge(worst, 1.0, Double::sum);
    }
    return n;
  }
}
