package dev.zonecost.advise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code service.kubernetes.io/topology-mode: Auto}, as the EndpointSlice controller's topology
 * cache decides it ({@code staging/src/k8s.io/endpointslice/topologycache/topologycache.go} and
 * {@code utils.go}; written here from their logic, not copied): zones get ready endpoints in
 * proportion to their nodes' allocatable CPU, at least {@code ceil(share × N / 1.2)} each so no
 * endpoint serves more than 20% over its fair share; endpoints are first hinted for their own zone,
 * then the zones with more than their share give endpoints, one at a time, to the zones with
 * fewest. Hints are dropped altogether when a node lacks a zone or CPU, nodes are in one zone only,
 * there are fewer ready endpoints than zones, the minimums cannot be met, or an endpoint has no
 * zone. Averaged endpoints are rounded to whole ones.
 */
public final class TopologyAuto {
  /** The controller's {@code overloadThreshold}. */
  public static final double OVERLOAD_THRESHOLD = 0.2;

  private TopologyAuto() {}

  /** Why the controller would publish no hints at all. */
  public enum Dropped {
    NODE_CPU_UNKNOWN(
        "allocatable CPU per node is unknown (no kube_node_status_allocatable): cannot tell"),
    INSUFFICIENT_NODE_INFO("a node has no zone label or no allocatable CPU"),
    ONE_ZONE("ready nodes are in one zone only"),
    FEWER_ENDPOINTS_THAN_ZONES("fewer ready endpoints than zones"),
    OVERLOAD("the per-zone minimums (20% overload at most) need more endpoints than there are"),
    ENDPOINT_WITHOUT_ZONE("an endpoint has no zone");

    private final String reason;

    Dropped(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * @param dropped why no hints would be published, null when they would be
   * @param hintedFor per client zone, the zones of the endpoints hinted for it (counts)
   * @param remainingCrossBytes what would still cross zones (today's measured cross when dropped)
   */
  public record Prediction(
      Dropped dropped, Map<String, Map<String, Integer>> hintedFor, long remainingCrossBytes) {}

  public static Prediction predict(ServiceInput in, NodeCapacity nodes) {
    Dropped why = dropped(in, nodes);
    if (why != null) {
      return new Prediction(why, Map.of(), in.crossBytes());
    }
    Map<String, Integer> own = wholeEndpoints(in);
    Map<String, Map<String, Integer>> hinted = allocate(own, cpuShares(nodes));
    long remaining = 0;
    int total = own.values().stream().mapToInt(Integer::intValue).sum();
    for (ZoneTraffic t : in.traffic()) {
      Map<String, Integer> mine = hinted.getOrDefault(t.zone(), Map.of());
      int all = mine.values().stream().mapToInt(Integer::intValue).sum();
      double crossShare;
      if (all == 0) {
        // no endpoint hinted for this zone: kube-proxy uses every endpoint
        crossShare = (total - own.getOrDefault(t.zone(), 0)) / (double) total;
      } else {
        crossShare = (all - mine.getOrDefault(t.zone(), 0)) / (double) all;
      }
      remaining += Math.round(t.clientBytes() * crossShare);
    }
    return new Prediction(null, hinted, remaining);
  }

  static Dropped dropped(ServiceInput in, NodeCapacity nodes) {
    if (Math.round(in.endpointsWithoutZone()) > 0) {
      return Dropped.ENDPOINT_WITHOUT_ZONE;
    }
    if (!nodes.known()) {
      return Dropped.NODE_CPU_UNKNOWN;
    }
    if (!nodes.incomplete().isEmpty()) {
      return Dropped.INSUFFICIENT_NODE_INFO;
    }
    Map<String, Double> shares = cpuShares(nodes);
    if (shares.size() < 2) {
      return Dropped.ONE_ZONE;
    }
    int n = wholeEndpoints(in).values().stream().mapToInt(Integer::intValue).sum();
    if (shares.size() > n) {
      return Dropped.FEWER_ENDPOINTS_THAN_ZONES;
    }
    int minimums = 0;
    for (double share : shares.values()) {
      minimums += minimum(share, n);
    }
    return minimums > n ? Dropped.OVERLOAD : null;
  }

  static int minimum(double share, int endpoints) {
    return (int) Math.ceil(share * endpoints / (1 + OVERLOAD_THRESHOLD));
  }

  static Map<String, Double> cpuShares(NodeCapacity nodes) {
    double all = nodes.cpuByZone().values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> shares = new TreeMap<>();
    if (all > 0) {
      nodes.cpuByZone().forEach((z, cpu) -> shares.put(z, cpu / all));
    }
    return shares;
  }

  static Map<String, Integer> wholeEndpoints(ServiceInput in) {
    Map<String, Integer> own = new TreeMap<>();
    in.endpoints().forEach((z, e) -> own.put(z, (int) Math.round(e)));
    own.values().removeIf(v -> v == 0);
    return own;
  }

  /**
   * Same-zone hints first, then whole endpoints moved from the zone most above its desired count to
   * the zone most below, while both are at least half an endpoint off and one a whole one.
   */
  static Map<String, Map<String, Integer>> allocate(
      Map<String, Integer> own, Map<String, Double> shares) {
    int n = own.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Double> giving = new TreeMap<>();
    Map<String, Double> receiving = new TreeMap<>();
    for (Map.Entry<String, Double> s : shares.entrySet()) {
      double desired = Math.max(s.getValue() * n, minimum(s.getValue(), n));
      double have = own.getOrDefault(s.getKey(), 0);
      if (have > desired) {
        giving.put(s.getKey(), have - desired);
      } else if (have < desired) {
        receiving.put(s.getKey(), desired - have);
      }
    }
    Map<String, Map<String, Integer>> hinted = new TreeMap<>();
    own.forEach((z, e) -> hinted.computeIfAbsent(z, k -> new TreeMap<>()).put(z, e));
    while (true) {
      String from = most(giving);
      String to = most(receiving);
      if (from == null || to == null) {
        break;
      }
      double give = giving.get(from);
      double take = receiving.get(to);
      if ((give < 1 && take < 1) || give < 0.5 || take < 0.5) {
        break;
      }
      giving.put(from, give - 1);
      receiving.put(to, take - 1);
      Map<String, Integer> fromHints = hinted.get(from);
      if (fromHints == null || fromHints.getOrDefault(from, 0) == 0) {
        break; // nothing left to give: cannot happen when the counts add up
      }
      fromHints.merge(from, -1, Integer::sum);
      hinted.computeIfAbsent(to, k -> new TreeMap<>()).merge(from, 1, Integer::sum);
    }
    hinted.values().forEach(m -> m.values().removeIf(v -> v == 0));
    hinted.values().removeIf(Map::isEmpty);
    return hinted;
  }

  private static String most(Map<String, Double> m) {
    String best = null;
    for (Map.Entry<String, Double> e : m.entrySet()) {
      if (e.getValue() > 0 && (best == null || e.getValue() > m.get(best))) {
        best = e.getKey();
      }
    }
    return best;
  }

  /** The zones' hinted endpoints as a readable list, for the notes. */
  public static List<String> describe(Map<String, Map<String, Integer>> hinted) {
    List<String> out = new ArrayList<>();
    hinted.forEach((z, m) -> out.add(z + " <- " + m));
    return out;
  }
}
