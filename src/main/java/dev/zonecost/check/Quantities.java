package dev.zonecost.check;

import dev.zonecost.common.UsageException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the sizes, ratios and increases users write on the command line. */
public final class Quantities {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]i?b|b)?", Pattern.CASE_INSENSITIVE);
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("b", 1L),
          Map.entry("kb", 1_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L),
          Map.entry("pb", 1_000_000_000_000_000L),
          Map.entry("kib", 1L << 10),
          Map.entry("mib", 1L << 20),
          Map.entry("gib", 1L << 30),
          Map.entry("tib", 1L << 40),
          Map.entry("pib", 1L << 50));

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

  private Quantities() {}

  /** {@code 123}, {@code 10GB} (10^9) or {@code 10GiB} (2^30), rounded down to whole bytes. */
  public static long bytes(String option, String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new UsageException(
          option + " '" + text + "' is not a size: use e.g. 5000000, 10GB or 10GiB");
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    if (unit.equals("b") && m.group(1).contains(".")) {
      throw new UsageException(
          option + " '" + text + "' is not a whole number of bytes: use e.g. 5000000, 1.5GB");
    }
    BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNITS.get(unit)));
    try {
      return value.toBigInteger().longValueExact();
    } catch (ArithmeticException e) {
      throw new UsageException(option + " '" + text + "' is too large");
    }
  }

  /** A share between 0 and 1, written {@code 0.25} or {@code 25%}. */
  public static double ratio(String option, String text) {
    String t = text == null ? "" : text.trim();
    double v;
    try {
      v =
          t.endsWith("%")
              ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
              : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " '" + text + "' is not a ratio: use e.g. 0.25 or 25%");
    }
    if (!(v >= 0 && v <= 1)) {
      throw new UsageException(option + " must be between 0 and 1 (or 0% and 100%), not " + text);
    }
    return v;
  }

  /** A money amount, 0 or more. */
  public static BigDecimal amount(String option, String text) {
    try {
      BigDecimal v = new BigDecimal(text.trim());
      if (v.signum() < 0) {
        throw new UsageException(option + " must be 0 or more, not " + text);
      }
      if (v.compareTo(MAX_AMOUNT) > 0) {
        throw new UsageException(option + " '" + text + "' is too large: at most " + MAX_AMOUNT);
      }
      // Costs are exact to 9 decimals; more would only make "1e-999999999" costly to print.
      if (v.precision() - v.scale() < -10) {
        return BigDecimal.ZERO; // below 10^-10: rounds to 0 at 9 decimals
      }
      return v.setScale(Math.min(Math.max(v.scale(), 0), 9), RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " '" + text + "' is not an amount: use e.g. 50 or 12.5");
    }
  }

  /** {@code 10%} (relative) or a size such as {@code 5GB} (absolute bytes). */
  public static Increase increase(String option, String text) {
    String t = text == null ? "" : text.trim();
    if (t.endsWith("%")) {
      try {
        double p = Double.parseDouble(t.substring(0, t.length() - 1).trim());
        if (p < 0 || Double.isNaN(p) || Double.isInfinite(p)) {
          throw new NumberFormatException();
        }
        return Increase.percent(p);
      } catch (NumberFormatException e) {
        throw new UsageException(option + " '" + text + "' is not a percentage such as 10%");
      }
    }
    return Increase.bytes(bytes(option, t));
  }
}
