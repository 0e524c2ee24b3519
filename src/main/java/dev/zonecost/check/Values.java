package dev.zonecost.check;

import dev.zonecost.cost.Money;
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

  /**
   * The amount by people's rule ({@link Money#human}), then, when that rounded it, the exact value
   * to 9 decimals as the report's JSON carries it, so a value near its limit reads right: "$98.13
   * (98.133948086 USD) window cost" against "$100.00 window cost".
   */
  static String cost(BigDecimal amount, String currency, CostBasis basis) {
    BigDecimal exact = amount.setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
    String human = Money.human(amount, currency);
    boolean rounded = Money.forPeople(amount).compareTo(exact) != 0;
    return human
        + (rounded ? " (" + exact.toPlainString() + " " + currency + ")" : "")
        + " "
        + basis.label();
  }
}
