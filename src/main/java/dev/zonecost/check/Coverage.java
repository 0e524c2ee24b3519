package dev.zonecost.check;

import dev.zonecost.common.NoDataException;

/**
 * Too little attributable traffic makes every threshold meaningless: not enough data, not a breach.
 */
public final class Coverage {
  private Coverage() {}

  /** Attributable share = 1 - unknown-zone share; throws when it is below {@code min}. */
  public static void require(Traffic t, Double min) {
    if (min == null) {
      return;
    }
    double attributable = 1 - t.unknownRatio();
    if (attributable < min) {
      throw new NoDataException(
          "only "
              + Values.ratio(attributable)
              + " of the bytes could be attributed to zones, below --min-coverage "
              + Values.ratio(min)
              + ": fix the zone labels (see the report's unknown-zone rows) before gating on it");
    }
  }
}
