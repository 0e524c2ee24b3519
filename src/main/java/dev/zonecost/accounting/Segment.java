package dev.zonecost.accounting;

import dev.zonecost.prometheus.Sample;
import java.util.List;

/**
 * One series' samples from one time chunk, summarised so that chunks read in parallel can be joined
 * in time order and give exactly what {@link NaiveWindowBytes} gives for all samples at once.
 * Chunks may share their boundary sample (closed ranges); a repeated timestamp adds nothing.
 *
 * @param seenBefore a sample lay before the window's start
 * @param inner the bytes between this chunk's own in-window samples, by the window definition
 */
public record Segment(
    boolean seenBefore,
    boolean any,
    long firstTs,
    double first,
    long lastTs,
    double last,
    double inner) {

  public static final Segment EMPTY = new Segment(false, false, 0, 0, 0, 0, 0);

  /** Summarises one chunk's samples (in timestamp order) for the window [start, end]. */
  public static Segment of(List<Sample> samples, long startMillis, long endMillis) {
    boolean before = false;
    boolean any = false;
    long firstTs = 0;
    double first = 0;
    long lastTs = 0;
    double last = 0;
    double inner = 0;
    for (Sample s : samples) {
      long t = s.timestampMillis();
      double v = s.value();
      if (t > endMillis || Double.isNaN(v) || (any && t <= lastTs)) {
        continue;
      }
      if (t < startMillis) {
        before = true;
        continue;
      }
      if (!any) {
        any = true;
        firstTs = t;
        first = v;
      } else {
        inner += v >= last ? v - last : v;
      }
      lastTs = t;
      last = v;
    }
    return new Segment(before, any, firstTs, first, lastTs, last, inner);
  }

  /** This chunk followed by the next one in time. */
  public Segment then(Segment next) {
    if (!next.any) {
      return new Segment(seenBefore || next.seenBefore, any, firstTs, first, lastTs, last, inner);
    }
    if (!any) {
      return new Segment(
          seenBefore || next.seenBefore,
          true,
          next.firstTs,
          next.first,
          next.lastTs,
          next.last,
          next.inner);
    }
    double boundary =
        next.firstTs <= lastTs ? 0 : next.first >= last ? next.first - last : next.first;
    return new Segment(
        seenBefore || next.seenBefore,
        true,
        firstTs,
        first,
        next.lastTs,
        next.last,
        inner + boundary + next.inner);
  }

  /**
   * The window bytes of the whole series when its first in-window value is counted ({@code born})
   * or is a baseline (DESIGN §3's rule, decided by the caller).
   */
  public double bytes(boolean born) {
    return any ? inner + (born ? first : 0) : 0;
  }

  /** The window bytes of the whole series: its first value counts when it began inside. */
  public double bytes() {
    if (!any) {
      return 0;
    }
    return inner + (seenBefore ? 0 : first);
  }
}
