package dev.zonecost.check;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.report.Report;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a check measures, from today's report or from a baseline: totals, cost and the same per
 * workload pair (summed over zone pairs).
 */
public record Traffic(
    Duration window,
    long sameZone,
    long crossZone,
    long unknownZone,
    String currency,
    BigDecimal windowCost,
    Map<Pair, PairTraffic> pairs) {

  /** One workload pair's bytes, its window cost and its cross-zone bytes per "a -> b" zone pair. */
  public record PairTraffic(
      long sameZone,
      long crossZone,
      long unknownZone,
      BigDecimal windowCost,
      Map<String, Long> crossByZones) {
    public long all() {
      return sameZone + crossZone + unknownZone;
    }

    public double crossRatio() {
      return all() == 0 ? 0 : (double) crossZone / all();
    }
  }

  public static Traffic of(Report report) {
    Builder b = new Builder();
    for (TrafficRow r : report.rows()) {
      b.add(
          new Pair(r.key().source(), r.key().destination()),
          r.locality(),
          r.key().sourceZone() + " -> " + r.key().destinationZone(),
          r.bytes(),
          report.costOf(r));
    }
    return b.build(
        Duration.between(report.metadata().start(), report.metadata().end()),
        report.cost().currency(),
        report.cost().windowCost());
  }

  public long all() {
    return sameZone + crossZone + unknownZone;
  }

  public double crossRatio() {
    return all() == 0 ? 0 : (double) crossZone / all();
  }

  public double unknownRatio() {
    return all() == 0 ? 0 : (double) unknownZone / all();
  }

  public BigDecimal cost(CostBasis basis) {
    return basis == CostBasis.WINDOW ? windowCost : CostEstimator.projection(windowCost, window);
  }

  public BigDecimal pairCost(PairTraffic p, CostBasis basis) {
    return basis == CostBasis.WINDOW
        ? p.windowCost()
        : CostEstimator.projection(p.windowCost(), window);
  }

  /** Pairs ordered by a measure, largest first, ties by label so the order is stable. */
  public List<Map.Entry<Pair, PairTraffic>> ranked(Comparator<PairTraffic> by) {
    return pairs.entrySet().stream()
        .sorted(
            Map.Entry.<Pair, PairTraffic>comparingByValue(by)
                .reversed()
                .thenComparing(Map.Entry.comparingByKey(Pair.BY_LABEL)))
        .toList();
  }

  /** Collects rows into totals and pairs. */
  static final class Builder {
    private long same;
    private long cross;
    private long unknown;
    private final Map<Pair, long[]> bytes = new LinkedHashMap<>();
    private final Map<Pair, BigDecimal> costs = new LinkedHashMap<>();
    private final Map<Pair, Map<String, Long>> zones = new LinkedHashMap<>();

    void add(Pair pair, Locality locality, String zonePair, long b, BigDecimal cost) {
      long[] v = bytes.computeIfAbsent(pair, k -> new long[3]);
      v[locality.ordinal()] += b;
      switch (locality) {
        case SAME_ZONE -> same += b;
        case CROSS_ZONE -> {
          cross += b;
          zones.computeIfAbsent(pair, k -> new TreeMap<>()).merge(zonePair, b, Long::sum);
        }
        case UNKNOWN_ZONE -> unknown += b;
      }
      costs.merge(pair, cost, BigDecimal::add);
    }

    Traffic build(Duration window, String currency, BigDecimal windowCost) {
      Map<Pair, PairTraffic> pairs = new LinkedHashMap<>();
      bytes.forEach(
          (p, v) ->
              pairs.put(
                  p,
                  new PairTraffic(
                      v[Locality.SAME_ZONE.ordinal()],
                      v[Locality.CROSS_ZONE.ordinal()],
                      v[Locality.UNKNOWN_ZONE.ordinal()],
                      costs.get(p),
                      Map.copyOf(zones.getOrDefault(p, Map.of())))));
      return new Traffic(window, same, cross, unknown, currency, windowCost, Map.copyOf(pairs));
    }
  }
}
