package dev.zonecost.check;

import dev.zonecost.advise.Advice;
import dev.zonecost.advise.AdviceReport;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code check --max-avoidable-cost}: the cross-zone cost that {@code spec.trafficDistribution:
 * PreferSameZone} would remove (the sum of {@code advise}'s savings), against a limit; a CI job
 * then flags a new Service that should have it. The three Services with the largest saving are the
 * contributors.
 */
public final class AvoidableCost {
  public static final String NAME = "avoidable cross-zone cost";

  private AvoidableCost() {}

  public static CheckResult evaluate(AdviceReport advice, BigDecimal limit, CostBasis basis) {
    BigDecimal v =
        basis == CostBasis.MONTH ? advice.avoidableCostMonthly() : advice.avoidableCost();
    return Thresholds.result(
        NAME,
        CheckResult.OVERALL,
        v.compareTo(limit) <= 0,
        Values.cost(v, advice.currency(), basis),
        Values.cost(limit, advice.currency(), basis),
        () -> contributors(advice, basis));
  }

  private static List<String> contributors(AdviceReport advice, CostBasis basis) {
    return advice.services().stream()
        .filter(a -> a.savingBytes() > 0)
        .limit(3)
        .map(
            a ->
                a.label()
                    + " "
                    + Values.cost(cost(a, basis), advice.currency(), basis)
                    + " (set trafficDistribution: PreferSameZone)")
        .toList();
  }

  private static BigDecimal cost(Advice a, CostBasis basis) {
    return basis == CostBasis.MONTH ? a.savingCostMonthly() : a.savingCost();
  }
}
