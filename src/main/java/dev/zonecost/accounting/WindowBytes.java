package dev.zonecost.accounting;

import java.util.TreeMap;

/**
 * The bytes of one series in a window [start, end] (DESIGN §3, normative), in the three forms the
 * engine uses and nowhere else:
 *
 * <ul>
 *   <li><b>sample form</b> ({@link Segment}, built by {@link Samples}): the sum over consecutive
 *       samples in the window of {@code v(i) − v(i−1)}, or {@code v(i)} alone on a reset, chunks of
 *       samples joined in time order;
 *   <li><b>closed form</b> ({@link #closed}): {@code last − baseline + Σ value before each reset},
 *       the same sum regrouped, from a series' first and last in-window values and its resets;
 *   <li><b>reset sum</b> ({@link Samples#drops()}): the value before each reset between two
 *       in-window samples, which the closed form adds.
 * </ul>
 *
 * <p>Whether a series' first in-window value counts (it began from zero inside the window) is
 * decided by {@link #birth(BirthFacts)} from facts the engine gathers; never from the mere absence
 * of an earlier sample.
 */
public final class WindowBytes {
  private WindowBytes() {}

  /** How a series' first in-window sample counts. */
  public enum Birth {
    /** A sample in the look-behind or at the window's start: the first value is a baseline. */
    PRE_EXISTING,
    /** Began inside the window while its agent was already scraped: counted from zero. */
    BORN,
    /** The agent's data begins with the series: taken as pre-existing (a baseline). */
    UNKNOWABLE;

    /** Whether the first in-window value is counted. */
    public boolean counts() {
      return this == BORN;
    }
  }

  /**
   * What the born rule decides on.
   *
   * @param sampleInLookBehind the series has a sample in [start − L, start] — closed at the
   *     window's start: a series first seen at exactly {@code start} began from zero between its
   *     agent's previous scrape and {@code start}, so before the window (that increment belongs to
   *     the window ending at {@code start}); two windows meeting on a sample then never both count
   *     one birth, and adjacent windows add up (DESIGN §3's invariant)
   * @param agentInLookBehind its agent (the {@code instance} reporting it) has a sample of the
   *     metric in [start − L, start) (or [start − L, start]: the same decisions, since a series
   *     with a sample at the start is pre-existing)
   * @param agentFirstInWindow the agent's first in-window scrape (epoch ms), null when not known
   * @param seriesFirstInWindow the series' first in-window sample (epoch ms); null when it was not
   *     among the samples read from {@code agentFirstInWindow} on, so later than that scrape
   */
  public record BirthFacts(
      boolean sampleInLookBehind,
      boolean agentInLookBehind,
      Long agentFirstInWindow,
      Long seriesFirstInWindow) {}

  /** DESIGN §3's born rule. */
  public static Birth birth(BirthFacts f) {
    if (f.sampleInLookBehind()) {
      return Birth.PRE_EXISTING;
    }
    if (f.agentInLookBehind()) {
      return Birth.BORN;
    }
    Long agent = f.agentFirstInWindow();
    Long series = f.seriesFirstInWindow();
    if (agent != null && (series == null || series > agent)) {
      return Birth.BORN;
    }
    return Birth.UNKNOWABLE;
  }

  /**
   * The closed form: a series' bytes from its first and last in-window values and the sum of the
   * values before each of its in-window resets.
   */
  public static double closed(double first, double last, double sumBeforeResets, Birth birth) {
    return last - (birth.counts() ? 0 : first) + sumBeforeResets;
  }

  /**
   * One series' samples from one time chunk, summarised so that chunks read in parallel can be
   * joined in time order and give what all samples at once give. Chunks may share their boundary
   * sample (closed ranges); a repeated timestamp adds nothing.
   *
   * @param inner the bytes between this chunk's own in-window samples
   */
  public record Segment(
      boolean any, long firstTs, double first, long lastTs, double last, double inner) {

    public static final Segment EMPTY = new Segment(false, 0, 0, 0, 0, 0);

    /** This chunk followed by the next one in time. */
    public Segment then(Segment next) {
      if (!next.any) {
        return this;
      }
      if (!any) {
        return next;
      }
      double boundary =
          next.firstTs <= lastTs ? 0 : next.first >= last ? next.first - last : next.first;
      return new Segment(
          true, firstTs, first, next.lastTs, next.last, inner + boundary + next.inner);
    }

    /** The window bytes of the whole series, its first value counted as {@code birth} says. */
    public double bytes(Birth birth) {
      return any ? inner + (birth.counts() ? first : 0) : 0;
    }
  }

  /**
   * Feeds a series' samples (timestamp order) one at a time for the window [start, end]: samples
   * outside it, NaN and repeated timestamps are skipped.
   */
  public static final class Samples {
    private final long start;
    private final long end;
    private final TreeMap<Long, Double> drops = new TreeMap<>();
    private boolean any;
    private long firstTs;
    private double first;
    private long lastTs;
    private double last;
    private double inner;

    public Samples(long startMillis, long endMillis) {
      this.start = startMillis;
      this.end = endMillis;
    }

    public Samples add(long t, double v) {
      if (t < start || t > end || Double.isNaN(v) || (any && t <= lastTs)) {
        return this;
      }
      if (!any) {
        any = true;
        firstTs = t;
        first = v;
      } else if (v >= last) {
        inner += v - last;
      } else {
        inner += v;
        drops.put(t, last);
      }
      lastTs = t;
      last = v;
      return this;
    }

    public Segment segment() {
      return any ? new Segment(true, firstTs, first, lastTs, last, inner) : Segment.EMPTY;
    }

    /** The value before each reset between two in-window samples, by the timestamp after it. */
    public TreeMap<Long, Double> drops() {
      return drops;
    }
  }
}
