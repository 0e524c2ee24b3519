package dev.zonecost.check;

import dev.zonecost.reconcile.ReconcileRow;
import dev.zonecost.reconcile.Reconciliation;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * {@code check --min-bill-coverage}: the share of the bill's inter-zone bytes the measurement
 * explains (measured cross-zone over billed, {@code reconcile}'s coverage) must reach the minimum.
 */
public final class BillCoverage {
  public static final String NAME = "bill coverage";

  private BillCoverage() {}

  /**
   * @param min the least share allowed, 0..1
   */
  public static CheckResult evaluate(Reconciliation r, BigDecimal min) {
    BigDecimal c = r.coverage();
    boolean passed = c != null && c.compareTo(min) >= 0;
    String measured = c == null ? "nothing billed" : percent(c);
    String limit = percent(min);
    String message =
        passed
            ? NAME + " " + measured + " reaches the minimum " + limit
            : NAME + " " + measured + " is below the minimum " + limit;
    return new CheckResult(
        NAME,
        CheckResult.OVERALL,
        passed,
        measured,
        limit,
        message,
        passed ? List.of() : contributors(r));
  }

  /** The resources with the most unexplained bytes. */
  private static List<String> contributors(Reconciliation r) {
    return r.rows().stream()
        .filter(row -> !row.isTotal() && row.unexplainedOut() + row.unexplainedIn() > 0)
        .sorted(
            Comparator.comparingLong(
                    (ReconcileRow row) -> row.unexplainedOut() + row.unexplainedIn())
                .reversed())
        .limit(3)
        .map(
            row ->
                row.resourceId()
                    + (row.node().isEmpty() ? "" : " (" + row.node() + ")")
                    + " "
                    + (row.unexplainedOut() + row.unexplainedIn())
                    + " bytes unexplained")
        .toList();
  }

  private static String percent(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
