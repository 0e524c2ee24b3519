package dev.zonecost.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One billed resource in one bucket (DESIGN §5, {@code reconcile -o csv}), or a bucket's total
 * ({@code kind} null). Bytes are whole bytes; coverage is measured cross / billed, null when
 * nothing was billed.
 *
 * @param hourStart the bucket's start (the bill's first whole hour in it); the window's without
 *     {@code --every}
 * @param reasons what the data says about the unexplained bytes (empty when there are none)
 */
public record ReconcileRow(
    Instant hourStart,
    Instant hourEnd,
    String resourceId,
    ResourceKind kind,
    String node,
    String zone,
    long billedOut,
    long billedIn,
    BigDecimal billedCost,
    String currency,
    long measuredCrossOut,
    long measuredCrossIn,
    long outsideOut,
    long outsideIn,
    List<String> reasons) {

  public boolean isTotal() {
    return kind == null;
  }

  /** Billed less measured less outside, floored at 0: in no series even if all outside crossed. */
  public long unexplainedOut() {
    return Math.max(0, billedOut - measuredCrossOut - outsideOut);
  }

  public long unexplainedIn() {
    return Math.max(0, billedIn - measuredCrossIn - outsideIn);
  }

  public BigDecimal coverageOut() {
    return coverage(measuredCrossOut, billedOut);
  }

  public BigDecimal coverageIn() {
    return coverage(measuredCrossIn, billedIn);
  }

  /** Measured / billed to four places, null when nothing was billed. */
  static BigDecimal coverage(long measured, long billed) {
    return billed == 0
        ? null
        : BigDecimal.valueOf(measured).divide(BigDecimal.valueOf(billed), 4, RoundingMode.HALF_UP);
  }
}
