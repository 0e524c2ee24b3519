package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import java.math.BigDecimal;

/** {@code --min-bill-coverage PCT}: {@code 80} or {@code 80%}, as a share 0..1. */
final class BillCoverageText {
  private BillCoverageText() {}

  /** The share, or null when not given; refused without a bill or outside 0..100. */
  static BigDecimal parse(String text, boolean billGiven) {
    if (text == null) {
      return null;
    }
    if (!billGiven) {
      throw new UsageException("--min-bill-coverage needs the bill: give it with --bill FILE");
    }
    String t = text.strip();
    t = t.endsWith("%") ? t.substring(0, t.length() - 1) : t;
    try {
      BigDecimal pct = new BigDecimal(t);
      if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new NumberFormatException();
      }
      return pct.movePointLeft(2);
    } catch (NumberFormatException e) {
      throw new UsageException("--min-bill-coverage must be a percentage 0..100, not " + text);
    }
  }
}
