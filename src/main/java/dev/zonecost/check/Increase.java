package dev.zonecost.check;

import dev.zonecost.render.HumanUnits;
import java.util.Locale;

/**
 * How much a value may grow over the baseline: a percentage (of bytes, ratio and cost) or an
 * absolute number of bytes (cross-zone bytes only).
 */
public record Increase(Double percent, Long bytes) {

  public static Increase percent(double p) {
    return new Increase(p, null);
  }

  public static Increase bytes(long b) {
    return new Increase(null, b);
  }

  public boolean relative() {
    return percent != null;
  }

  /** Whether {@code today} is more than allowed over {@code base}. */
  boolean exceeded(double base, double today) {
    if (relative()) {
      return today > base * (1 + percent / 100) + 1e-12;
    }
    return today - base > bytes;
  }

  @Override
  public String toString() {
    return relative()
        ? String.format(Locale.ROOT, "+%s%%", trim(percent))
        : "+" + HumanUnits.bytes(bytes) + " (" + bytes + " B)";
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
