package dev.zonecost.check;

import dev.zonecost.check.Traffic.PairTraffic;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The limits of one run; null means "not checked". Bytes, ratio and cost also apply to each
 * workload pair when {@code perPair} is set.
 */
public record Thresholds(
    Long maxCrossZoneBytes,
    Double maxCrossZoneRatio,
    BigDecimal maxCrossZoneCost,
    CostBasis costBasis,
    Double maxUnknownRatio,
    boolean perPair) {

  static final int TOP = 3;

  /** The checks on the whole selection, then (with perPair) on each pair in label order. */
  public List<CheckResult> evaluate(Traffic t) {
    List<CheckResult> out = new ArrayList<>();
    if (maxCrossZoneBytes != null) {
      long v = t.crossZone();
      out.add(
          result(
              "cross-zone bytes",
              CheckResult.OVERALL,
              v <= maxCrossZoneBytes,
              Values.bytes(v),
              Values.bytes(maxCrossZoneBytes),
              () -> topPairs(t, PairTraffic::crossZone)));
    }
    if (maxCrossZoneRatio != null) {
      double v = t.crossRatio();
      out.add(
          result(
              "cross-zone ratio",
              CheckResult.OVERALL,
              v <= maxCrossZoneRatio,
              Values.ratio(v),
              Values.ratio(maxCrossZoneRatio),
              () -> topPairs(t, PairTraffic::crossZone)));
    }
    if (maxCrossZoneCost != null) {
      BigDecimal v = t.cost(costBasis);
      out.add(
          result(
              "cross-zone cost",
              CheckResult.OVERALL,
              v.compareTo(maxCrossZoneCost) <= 0,
              Values.cost(v, t.currency(), costBasis),
              Values.cost(maxCrossZoneCost, t.currency(), costBasis),
              () -> topPairsByCost(t)));
    }
    if (maxUnknownRatio != null) {
      double v = t.unknownRatio();
      out.add(
          result(
              "unknown-zone ratio",
              CheckResult.OVERALL,
              v <= maxUnknownRatio,
              Values.ratio(v),
              Values.ratio(maxUnknownRatio),
              () -> topPairs(t, PairTraffic::unknownZone)));
    }
    if (perPair) {
      t.pairs().entrySet().stream()
          .sorted(Map.Entry.comparingByKey(Pair.BY_LABEL))
          .forEach(e -> out.addAll(evaluatePair(t, e.getKey(), e.getValue())));
    }
    return out;
  }

  private List<CheckResult> evaluatePair(Traffic t, Pair pair, PairTraffic p) {
    List<CheckResult> out = new ArrayList<>();
    String scope = pair.label();
    if (maxCrossZoneBytes != null) {
      out.add(
          result(
              "cross-zone bytes",
              scope,
              p.crossZone() <= maxCrossZoneBytes,
              Values.bytes(p.crossZone()),
              Values.bytes(maxCrossZoneBytes),
              () -> topZonePairs(p)));
    }
    if (maxCrossZoneRatio != null) {
      out.add(
          result(
              "cross-zone ratio",
              scope,
              p.crossRatio() <= maxCrossZoneRatio,
              Values.ratio(p.crossRatio()),
              Values.ratio(maxCrossZoneRatio),
              () -> topZonePairs(p)));
    }
    if (maxCrossZoneCost != null) {
      BigDecimal v = t.pairCost(p, costBasis);
      out.add(
          result(
              "cross-zone cost",
              scope,
              v.compareTo(maxCrossZoneCost) <= 0,
              Values.cost(v, t.currency(), costBasis),
              Values.cost(maxCrossZoneCost, t.currency(), costBasis),
              () -> topZonePairs(p)));
    }
    return out;
  }

  static CheckResult result(
      String name,
      String scope,
      boolean passed,
      String measured,
      String limit,
      java.util.function.Supplier<List<String>> contributors) {
    String message =
        passed
            ? name + " " + measured + " is within the limit " + limit
            : name + " " + measured + " is over the limit " + limit;
    return new CheckResult(
        name, scope, passed, measured, limit, message, passed ? List.of() : contributors.get());
  }

  static List<String> topPairs(Traffic t, ToLongFunction<PairTraffic> measure) {
    return top(
        t.ranked(Comparator.comparingLong(measure)),
        e -> measure.applyAsLong(e.getValue()) > 0,
        e -> e.getKey().label() + " " + Values.bytes(measure.applyAsLong(e.getValue())));
  }

  private List<String> topPairsByCost(Traffic t) {
    return top(
        t.ranked(Comparator.comparing(p -> t.pairCost(p, costBasis))),
        e -> e.getValue().windowCost().signum() > 0,
        e ->
            e.getKey().label()
                + " "
                + Values.cost(t.pairCost(e.getValue(), costBasis), t.currency(), costBasis));
  }

  static List<String> topZonePairs(PairTraffic p) {
    return p.crossByZones().entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .map(e -> "zones " + e.getKey() + " " + Values.bytes(e.getValue()))
        .toList();
  }

  private static <T> List<String> top(
      List<T> ranked, java.util.function.Predicate<T> keep, Function<T, String> text) {
    return ranked.stream().filter(keep).limit(TOP).map(text).toList();
  }
}
