package dev.zonecost.advise;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Every Service's advice for one window, ranked by saving (money, then bytes, then name), and what
 * was assumed where the data could not say.
 */
public record AdviceReport(
    Instant start,
    Instant end,
    String currency,
    String priceRule,
    List<Advice> services,
    List<String> assumptions) {

  public static final Comparator<Advice> RANK =
      Comparator.comparing(Advice::savingCost)
          .reversed()
          .thenComparing(Comparator.comparingLong(Advice::savingBytes).reversed())
          .thenComparing(Advice::namespace)
          .thenComparing(Advice::name);

  public AdviceReport {
    services = services.stream().sorted(RANK).toList();
    assumptions = List.copyOf(assumptions);
  }

  public Duration window() {
    return Duration.between(start, end);
  }

  public long crossBytes() {
    return services.stream().mapToLong(Advice::crossBytes).sum();
  }

  public long savingBytes() {
    return services.stream().mapToLong(Advice::savingBytes).sum();
  }

  /** The cost PreferSameZone would remove in the window: {@code check --max-avoidable-cost}. */
  public BigDecimal avoidableCost() {
    return services.stream().map(Advice::savingCost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal avoidableCostMonthly() {
    return services.stream()
        .map(Advice::savingCostMonthly)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
