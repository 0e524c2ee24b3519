package dev.zonecost.accounting;

/**
 * The bytes of one series in a window, by DESIGN §3's normative definition, fed one sample at a
 * time in timestamp order: the sum over consecutive in-window samples of {@code v(i) − v(i−1)}, or
 * of {@code v(i)} alone on a reset; plus the first in-window value when the series has no sample
 * before the window (it began inside it, from zero). No extrapolation.
 */
public final class NaiveWindowBytes {
  private final long startMillis;
  private final long endMillis;
  private boolean seenBefore;
  private boolean seenInWindow;
  private long lastTimestamp = Long.MIN_VALUE;
  private double last;
  private double sum;

  public NaiveWindowBytes(long startMillis, long endMillis) {
    this.startMillis = startMillis;
    this.endMillis = endMillis;
  }

  /** Adds one sample; samples at or before the previous timestamp are ignored (chunk overlap). */
  public void add(long timestampMillis, double value) {
    if (timestampMillis <= lastTimestamp || timestampMillis > endMillis || Double.isNaN(value)) {
      return;
    }
    lastTimestamp = timestampMillis;
    if (timestampMillis < startMillis) {
      seenBefore = true;
      return;
    }
    if (!seenInWindow) {
      seenInWindow = true;
      if (!seenBefore) {
        sum += value;
      }
    } else {
      sum += value >= last ? value - last : value;
    }
    last = value;
  }

  public boolean hasSamplesInWindow() {
    return seenInWindow;
  }

  public double bytes() {
    return sum;
  }
}
