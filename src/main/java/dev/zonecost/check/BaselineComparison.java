package dev.zonecost.check;

import dev.zonecost.check.Traffic.PairTraffic;
import dev.zonecost.common.UsageException;
import dev.zonecost.cost.CostEstimator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Today against a baseline: cross-zone bytes overall and per workload pair, and with a percentage
 * also the cross-zone ratio and cost overall. A pair that crosses zones today but did not in the
 * baseline is new, and is compared with zero.
 */
public final class BaselineComparison {
  /** The decimals of costs in {@code report -o json}. */
  static final int COST_SCALE = 9;

  private final Baseline baseline;
  private final Increase allowed;
  private final CostBasis basis;

  public BaselineComparison(Baseline baseline, Increase allowed, CostBasis basis) {
    this.baseline = baseline;
    this.allowed = allowed;
    this.basis = basis;
  }

  public List<CheckResult> compare(Traffic today) {
    Traffic base = baseline.traffic();
    List<CheckResult> out = new ArrayList<>();
    out.add(
        Thresholds.result(
            "cross-zone bytes vs baseline",
            CheckResult.OVERALL,
            !allowed.exceeded(base.crossZone(), today.crossZone()),
            Values.bytes(today.crossZone()) + change(base.crossZone(), today.crossZone()),
            "baseline " + Values.bytes(base.crossZone()) + " " + allowed,
            () -> topIncreases(base, today)));
    if (allowed.relative()) {
      out.add(
          Thresholds.result(
              "cross-zone ratio vs baseline",
              CheckResult.OVERALL,
              !allowed.exceeded(base.crossRatio(), today.crossRatio()),
              Values.ratio(today.crossRatio()) + change(base.crossRatio(), today.crossRatio()),
              "baseline " + Values.ratio(base.crossRatio()) + " " + allowed,
              () -> topIncreases(base, today)));
      if (!base.currency().equals(today.currency())) {
        throw new UsageException(
            "baseline "
                + baseline.file()
                + " is priced in "
                + base.currency()
                + ", this run in "
                + today.currency()
                + ": use the same pricing options");
      }
      BigDecimal b = atBaselinePrecision(base);
      BigDecimal t = atBaselinePrecision(today);
      out.add(
          Thresholds.result(
              "cross-zone cost vs baseline",
              CheckResult.OVERALL,
              !allowed.exceeded(b.doubleValue(), t.doubleValue()),
              Values.cost(t, today.currency(), basis) + change(b.doubleValue(), t.doubleValue()),
              "baseline " + Values.cost(b, base.currency(), basis) + " " + allowed,
              () -> topIncreases(base, today)));
    }
    today.pairs().entrySet().stream()
        .filter(e -> e.getValue().crossZone() > 0)
        .sorted(Map.Entry.comparingByKey(Pair.BY_LABEL))
        .forEach(
            e -> {
              long was = baseCross(base, e.getKey());
              long now = e.getValue().crossZone();
              out.add(
                  Thresholds.result(
                      was == 0 ? "new cross-zone pair vs baseline" : "cross-zone bytes vs baseline",
                      e.getKey().label(),
                      !allowed.exceeded(was, now),
                      Values.bytes(now) + change(was, now),
                      "baseline " + Values.bytes(was) + " " + allowed,
                      () -> Thresholds.topZonePairs(e.getValue())));
            });
    return out;
  }

  /**
   * A baseline's window cost was written rounded to 9 decimals, so today's is rounded the same way
   * before either is compared (or projected): unchanged data must compare equal.
   */
  private BigDecimal atBaselinePrecision(Traffic t) {
    BigDecimal window = t.windowCost().setScale(COST_SCALE, RoundingMode.HALF_UP);
    return basis == CostBasis.WINDOW ? window : CostEstimator.projection(window, t.window());
  }

  /** Pairs that cross zones today and did not in the baseline, in label order. */
  public List<Pair> newCrossZonePairs(Traffic today) {
    return today.pairs().entrySet().stream()
        .filter(e -> e.getValue().crossZone() > 0 && baseCross(baseline.traffic(), e.getKey()) == 0)
        .map(Map.Entry::getKey)
        .sorted(Pair.BY_LABEL)
        .toList();
  }

  private static long baseCross(Traffic base, Pair pair) {
    PairTraffic p = base.pairs().get(pair);
    return p == null ? 0 : p.crossZone();
  }

  private static List<String> topIncreases(Traffic base, Traffic today) {
    return today.pairs().entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().crossZone() - baseCross(base, e.getKey())))
        .filter(e -> e.getValue() > 0)
        .sorted(
            Map.Entry.<Pair, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey(Pair.BY_LABEL)))
        .limit(Thresholds.TOP)
        .map(e -> e.getKey().label() + " +" + Values.bytes(e.getValue()))
        .toList();
  }

  private static String change(double base, double today) {
    if (base == 0) {
      return today == 0 ? ", unchanged" : ", new (baseline 0)";
    }
    return String.format(java.util.Locale.ROOT, ", %+.1f%%", (today - base) / base * 100);
  }
}
