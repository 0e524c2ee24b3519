package dev.zonecost.render;

import dev.zonecost.cost.CostSummary;
import dev.zonecost.cost.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** How money is printed: 9 decimals in data formats, {@link Money#human}'s rule for people. */
final class CostText {
  private CostText() {}

  static String data(BigDecimal amount) {
    BigDecimal v = amount.setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
    return v.signum() == 0 ? "0" : v.toPlainString();
  }

  static String human(BigDecimal amount, String currency) {
    return Money.human(amount, currency);
  }

  /** The lines people read under the totals: window cost, projection, unknown bound. */
  static List<String> summaryLines(CostSummary c) {
    return List.of(
        "cross-zone cost of the window: "
            + human(c.windowCost(), c.currency())
            + " ("
            + c.rule()
            + ")",
        "30-day projection (linear, from this window): " + human(c.projected30d(), c.currency()),
        "up to +"
            + human(c.unknownUpperBound(), c.currency())
            + " if the unknown-zone traffic crossed zones");
  }
}
