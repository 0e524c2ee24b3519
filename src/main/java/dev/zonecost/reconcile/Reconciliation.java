package dev.zonecost.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@code reconcile} prints: per bucket, the billed resources' rows then the bucket's total,
 * and the notes (the window trimmed to whole bill periods, rows left out, units, rates).
 *
 * @param requestedStart the window the user asked for; {@code start}/{@code end} are its whole bill
 *     periods
 * @param every the bucket length ({@code --every}), null for one bucket
 * @param billUnit how the bill's GB was read: {@code GB (10^9 bytes)} or {@code GiB (2^30 bytes)}
 */
public record Reconciliation(
    Instant requestedStart,
    Instant requestedEnd,
    Instant start,
    Instant end,
    Duration granularity,
    Duration every,
    String billUnit,
    List<ReconcileRow> rows,
    List<String> notes) {

  public static final String SCHEMA = "zonecost.reconcile/v1";

  /** The bucket totals. */
  public List<ReconcileRow> totals() {
    return rows.stream().filter(ReconcileRow::isTotal).toList();
  }

  /**
   * Measured cross-zone bytes over billed bytes over the whole window, out and in (a bill that
   * charges the sender only, as GCP's, by out alone); null when nothing was billed.
   */
  public java.math.BigDecimal coverage() {
    long[] b = new long[2];
    long[] m = new long[2];
    for (ReconcileRow t : totals()) {
      b[0] += t.billedOut();
      b[1] += t.billedIn();
      m[0] += t.measuredCrossOut();
      m[1] += t.measuredCrossIn();
    }
    return b[1] == 0
        ? ReconcileRow.coverage(m[0], b[0])
        : ReconcileRow.coverage(m[0] + m[1], b[0] + b[1]);
  }
}
