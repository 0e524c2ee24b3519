package dev.zonecost.cost;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Prices bytes by one selected billing rule. Only cross-zone bytes cost money; same-zone and
 * unknown-zone bytes cost 0 (the unknown ones are bounded separately).
 */
public record CostEstimator(PriceSelection selection) {
  public static final Duration PROJECTION_HORIZON = Duration.ofDays(30);

  /**
   * Projections divide by a window length, which need not give a terminating decimal (30 days / 7
   * h); 34 significant digits are far beyond any price's precision.
   */
  private static final MathContext PROJECTION_PRECISION = MathContext.DECIMAL128;

  public CostEstimator {
    Objects.requireNonNull(selection, "selection");
  }

  /**
   * The exact cost of {@code bytes} moved from one zone to another: bytes / unit × (source price +
   * destination price). Exact because a unit is a power of 2 or of 10, so the division terminates.
   */
  public BigDecimal crossZoneCost(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
    }
    return BigDecimal.valueOf(bytes)
        .multiply(selection.rates().perUnitMoved())
        .divide(selection.unit().bytes());
  }

  /** What {@code bytes} of this locality cost: only cross-zone bytes are billed. */
  public BigDecimal cost(Locality locality, long bytes) {
    return locality == Locality.CROSS_ZONE ? crossZoneCost(bytes) : BigDecimal.ZERO;
  }

  public BigDecimal rowCost(TrafficRow row) {
    return cost(row.locality(), row.bytes());
  }

  /** What unknown-zone bytes would add if every one of them had crossed zones. */
  public BigDecimal unknownUpperBound(long unknownBytes) {
    return crossZoneCost(unknownBytes);
  }

  /**
   * A linear projection of a window's cost to {@code horizon}: cost × horizon / window. It assumes
   * the window's traffic repeats evenly, so it is an estimate, never a measurement.
   */
  public static BigDecimal projection(BigDecimal windowCost, Duration window, Duration horizon) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the window must be longer than 0, got " + window);
    }
    BigDecimal projected =
        windowCost
            .multiply(seconds(horizon))
            .divide(seconds(window), PROJECTION_PRECISION)
            .stripTrailingZeros();
    // stripTrailingZeros turns 360 into 3.6E+2; a plain scale keeps toString() readable.
    return projected.scale() < 0 ? projected.setScale(0) : projected;
  }

  /** The linear projection to {@link #PROJECTION_HORIZON} (30 days). */
  public static BigDecimal projection(BigDecimal windowCost, Duration window) {
    return projection(windowCost, window, PROJECTION_HORIZON);
  }

  /** The cost side of a window whose totals are {@code crossBytes} and {@code unknownBytes}. */
  public CostSummary summarize(long crossBytes, long unknownBytes, Duration window) {
    BigDecimal windowCost = crossZoneCost(crossBytes);
    return new CostSummary(
        selection.provider().name(),
        selection.region(),
        selection.currency(),
        selection.unit(),
        selection.rule(),
        windowCost,
        projection(windowCost, window),
        unknownUpperBound(unknownBytes));
  }

  private static BigDecimal seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
  }
}
