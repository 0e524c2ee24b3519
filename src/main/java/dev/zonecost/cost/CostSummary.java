package dev.zonecost.cost;

import java.math.BigDecimal;

/**
 * The money side of a report, at full precision (round with {@link Money#human} only to print).
 * {@code projected30d} is a linear projection of the window, not a measurement; {@code
 * unknownUpperBound} is what the unknown-zone bytes would add if they had all crossed zones. {@code
 * region} is null when none was selected.
 */
public record CostSummary(
    String provider,
    String region,
    String currency,
    PriceUnit unit,
    String rule,
    BigDecimal windowCost,
    BigDecimal projected30d,
    BigDecimal unknownUpperBound) {}
