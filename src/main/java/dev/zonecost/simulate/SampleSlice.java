package dev.zonecost.simulate;

import java.time.Instant;

/**
 * The samples of one part of a cluster's OpenMetrics output: those at or after {@code from} and
 * before {@code to}. Parts that tile the data (each one's {@code to} the next one's {@code from})
 * hold every sample once, so promtool can backfill a long or large cluster a part at a time.
 */
public record SampleSlice(Instant from, Instant to) {
  /** Every sample. */
  public static final SampleSlice ALL = new SampleSlice(Instant.MIN, Instant.MAX);

  public SampleSlice {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("a slice's start must be before its end");
    }
  }

  /** The first step (of a cluster starting at {@code t0}, one step per {@code dt}) inside. */
  int firstStep(long t0, long dt) {
    if (from.getEpochSecond() <= t0) {
      return 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, -Math.floorDiv(t0 - from.getEpochSecond(), dt));
  }

  /** The first step at or after the slice's end. */
  int endStep(long t0, long dt) {
    if (to.getEpochSecond() <= t0) {
      return 0;
    }
    if (to.equals(Instant.MAX)) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.min(Integer.MAX_VALUE, -Math.floorDiv(t0 - to.getEpochSecond(), dt));
  }
}
