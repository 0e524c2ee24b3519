package dev.zonecost.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as people read it: "$0.02" for dollars, "0.02 EUR" for any other currency. */
public final class Money {
  /** Four decimals show a hundredth of a cent, enough to see small windows move. */
  public static final int DISPLAY_SCALE = 4;

  private Money() {}

  /**
   * {@code amount} rounded half-up to {@link #DISPLAY_SCALE} decimals. Only for display: sums and
   * projections are made from the exact amounts.
   */
  public static BigDecimal rounded(BigDecimal amount) {
    return rounded(amount, DISPLAY_SCALE);
  }

  public static BigDecimal rounded(BigDecimal amount, int scale) {
    return amount.setScale(scale, RoundingMode.HALF_UP);
  }

  /** The amount as given, without trailing zeros, with the currency's sign or code. */
  public static String format(BigDecimal amount, String currency) {
    String number = amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    return "USD".equals(currency) ? "$" + number : number + " " + currency;
  }
}
