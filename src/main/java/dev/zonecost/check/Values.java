package dev.zonecost.check;

import dev.zonecost.render.HumanUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How measured values and limits are written in messages: human units with the exact value. */
final class Values {
  private Values() {}

  static String bytes(long b) {
    return b < 1024 ? b + " B" : HumanUnits.bytes(b) + " (" + b + " B)";
  }

  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.4f (%s)", r, HumanUnits.percent(r));
  }

  static String cost(BigDecimal amount, String currency, CostBasis basis) {
    // Up to 9 decimals, as the report's JSON carries them, so a limit near the value reads right.
    BigDecimal v = amount.setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
    return (v.scale() < 2 ? v.setScale(2) : v).toPlainString()
        + " "
        + currency
        + " "
        + basis.label();
  }
}
