package dev.zonecost.advise;

import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceSelection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-built Service inputs for the model tests. */
final class Inputs {
  final List<ZoneTraffic> traffic = new ArrayList<>();
  final Map<String, Double> endpoints = new TreeMap<>();
  final Map<String, Double> coverage = new TreeMap<>();
  long unknownClients;
  double withoutZone;
  ServiceKind kind = ServiceKind.CLUSTER_IP;
  boolean hinted;
  ServiceSpec spec;

  static final CostEstimator PRICES =
      new CostEstimator(PriceSelection.flatPerGb(new BigDecimal("0.01")));

  static Inputs service() {
    return new Inputs();
  }

  Inputs clients(String zone, long bytes, long cross) {
    traffic.add(new ZoneTraffic(zone, bytes, cross));
    return this;
  }

  Inputs endpoints(String zone, double e) {
    endpoints.put(zone, e);
    coverage.put(zone, e > 0 ? 1.0 : 0.0);
    return this;
  }

  Inputs endpoints(String zone, double e, double cov) {
    endpoints.put(zone, e);
    coverage.put(zone, cov);
    return this;
  }

  Inputs withoutZone(double e) {
    withoutZone = e;
    return this;
  }

  Inputs unknownClients(long b) {
    unknownClients = b;
    return this;
  }

  Inputs kind(ServiceKind k) {
    kind = k;
    return this;
  }

  Inputs hinted() {
    hinted = true;
    return this;
  }

  Inputs spec(ServiceSpec s) {
    spec = s;
    return this;
  }

  ServiceInput build() {
    return new ServiceInput(
        "shop",
        "api",
        traffic,
        unknownClients,
        endpoints,
        coverage,
        withoutZone,
        kind,
        hinted,
        spec);
  }

  static Advisor advisor() {
    return advisor(null, Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN);
  }

  static Advisor advisor(KubernetesVersion v, Datapath d, NodeCapacity nodes) {
    return new Advisor(new ClusterFacts(v, d, nodes, false), PRICES, Duration.ofDays(1));
  }
}
