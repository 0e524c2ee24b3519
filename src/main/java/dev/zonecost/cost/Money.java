package dev.zonecost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Money as people read it: "$0.02" for dollars, "0.02 EUR" for any other currency.
 *
 * <p>One precision rule for every figure people read ({@link #human}): cents (two decimals) from
 * one unit up, two significant digits below one, so a small window's cost still shows ("$0.0090",
 * "$0.032", "$0.50", "$98.13"). Machine outputs keep the exact amount.
 */
public final class Money {
  /** Significant digits shown for amounts below one unit of the currency. */
  public static final int SMALL_DIGITS = 2;

  private static final int CENTS = 2;

  private Money() {}

  /** {@code amount} rounded half-up to {@code scale} decimals. */
  public static BigDecimal rounded(BigDecimal amount, int scale) {
    return amount.setScale(scale, RoundingMode.HALF_UP);
  }

  /**
   * {@code amount} as people read it: half-up to cents from one unit up, to {@link #SMALL_DIGITS}
   * significant digits below, never fewer than two decimals. Only for display: sums and projections
   * are made from the exact amounts.
   */
  public static BigDecimal forPeople(BigDecimal amount) {
    if (amount.signum() == 0) {
      return BigDecimal.ZERO.setScale(CENTS);
    }
    if (amount.abs().compareTo(BigDecimal.ONE) < 0) {
      BigDecimal small = amount.round(new MathContext(SMALL_DIGITS, RoundingMode.HALF_UP));
      if (small.abs().compareTo(BigDecimal.ONE) < 0) {
        // Trailing zeros kept to the digits shown: 0.009 is "0.0090", as 0.0317 is "0.032".
        int scale = Math.max(CENTS, small.scale() + SMALL_DIGITS - small.precision());
        return small.setScale(scale, RoundingMode.UNNECESSARY);
      }
    }
    return rounded(amount, CENTS);
  }

  /** {@code amount} by the people rule, with the currency's sign or code: "$98.13". */
  public static String human(BigDecimal amount, String currency) {
    return withCurrency(forPeople(amount).toPlainString(), currency);
  }

  /** The amount as given, without trailing zeros, with the currency's sign or code. */
  public static String format(BigDecimal amount, String currency) {
    String number = amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    return withCurrency(number, currency);
  }

  private static String withCurrency(String number, String currency) {
    if (number.startsWith("-")) {
      return "-" + withCurrency(number.substring(1), currency);
    }
    return "USD".equals(currency) ? "$" + number : number + " " + currency;
  }
}
