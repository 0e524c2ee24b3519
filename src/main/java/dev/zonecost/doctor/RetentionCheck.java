package dev.zonecost.doctor;

import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.promql.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Does the window start before the oldest Retina sample the server holds. If so, a report clips the
 * window to the data (DESIGN §3) and covers less time than asked; the advice names a start one
 * look-behind after the oldest sample, where every series' history is in the data. The oldest
 * sample is found with a subquery whose step is at least a minute (and at most 1/500 of the
 * window), then exactly from the raw samples of that one step. Likewise a window that ends well
 * after the newest sample is stale.
 */
public final class RetentionCheck implements Check {
  public static final String NAME = "data range";

  /** The report's default look-behind: a window this far after the oldest sample has all of it. */
  static final Duration SAFE_LOOK_BEHIND = Duration.ofHours(1);

  public static Duration step(Duration window) {
    Duration s = window.dividedBy(500);
    return s.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : s.withNanos(0);
  }

  public static String query(Scope scope, String range, Duration step) {
    return sampleTime(scope, "min", range, step);
  }

  /** The newest Retina sample in the window, to the step. */
  public static String newestQuery(Scope scope, String range, Duration step) {
    return sampleTime(scope, "max", range, step);
  }

  /** The oldest ({@code min}) or newest ({@code max}) Retina sample time, to the step. */
  private static String sampleTime(Scope scope, String which, String range, Duration step) {
    return which
        + "("
        + which
        + "_over_time(timestamp("
        + scope.counter()
        + ")["
        + range
        + ":"
        + PromqlStrings.duration(step)
        + "]))";
  }

  /** The raw samples of one step: the oldest sample is among them, with its own timestamp. */
  public static String rawStep(Scope scope, Duration step) {
    return scope.counter() + "[" + PromqlStrings.duration(step) + "]";
  }

  /** More than this between the newest sample and the window's end: the end has no data. */
  static final Duration STALE_AFTER = Duration.ofMinutes(2);

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaSeries()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_SERIES);
    }
    Duration step = step(Duration.between(ctx.start(), ctx.end()));
    var s = ctx.query(query(ctx.scope(), ctx.range(), step));
    if (s.isEmpty()) {
      return CheckResult.info(NAME, "oldest sample not found");
    }
    Instant approximate = seconds(s.get(0).samples().get(0).value());
    // At the window's first step the subquery's timestamp() sees the last sample before the window
    // (the lookback): the data then reaches back before it, and the oldest sample in the window is
    // among the raw samples of the window's first step.
    boolean earlier = approximate.isBefore(ctx.start());
    Instant exact = exact(ctx, earlier ? ctx.start().plus(step) : approximate, step);
    Instant oldest = exact == null ? (earlier ? ctx.start() : approximate) : exact;
    // One scrape's worth of slack, plus a step when the oldest sample is known to a step only.
    Duration slack = Duration.ofMinutes(1).plus(exact == null ? step : Duration.ZERO);
    Instant newest = newest(ctx, step);
    List<String> problems = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    if (!earlier && oldest.isAfter(ctx.start().plus(slack))) {
      Instant safe = oldest.plus(SAFE_LOOK_BEHIND);
      problems.add(
          "window starts "
              + ctx.start()
              + " but the oldest Retina sample is "
              + oldest
              + ": report clips the window to the data (check refuses it: exit 5)");
      fixes.add(
          "start the window at or after "
              + safe
              + " (--start "
              + safe
              + "), one look-behind after the oldest sample, so a new series can be told from an"
              + " old one; or keep more history (--storage.tsdb.retention.time)");
    }
    if (newest != null && newest.isBefore(ctx.end().minus(STALE_AFTER.plus(step)))) {
      problems.add(
          "window ends "
              + ctx.end()
              + " but the newest Retina sample is "
              + newest
              + " ("
              + PromqlStrings.duration(Duration.between(newest, ctx.end()))
              + " earlier)");
      fixes.add(
          "the data is stale: is Retina still scraped? End the window at the last sample"
              + " (--end "
              + newest
              + ") or fix the scrape");
    }
    if (!problems.isEmpty()) {
      return CheckResult.warn(NAME, String.join("; ", problems), String.join("; ", fixes));
    }
    return CheckResult.ok(
        NAME,
        (earlier
                ? "data from before the window (a sample at "
                    + approximate
                    + "); the oldest sample in the window is "
                    + (exact == null ? "within its first " + PromqlStrings.duration(step) : exact)
                    + ", the newest "
                    + (newest == null ? "not found" : newest)
                    + ";"
                : "data from " + oldest + (newest == null ? "" : " to " + newest))
            + " covers the window "
            + ctx.start()
            + " .. "
            + ctx.end());
  }

  private static Instant seconds(double value) {
    return Instant.ofEpochMilli(Math.round(value * 1000));
  }

  /**
   * The subquery sees the oldest sample at the first step after it, and there may already show a
   * later sample of the same series; the raw samples of that step name the oldest exactly.
   */
  private static Instant exact(DoctorContext ctx, Instant approximate, Duration step) {
    Instant oldest = null;
    for (Series series : ctx.api().query(rawStep(ctx.scope(), step), approximate).series()) {
      for (Sample sample : series.samples()) {
        Instant t = Instant.ofEpochMilli(sample.timestampMillis());
        if ((oldest == null || t.isBefore(oldest)) && !t.isBefore(ctx.start())) {
          oldest = t;
        }
      }
    }
    return oldest;
  }

  private static Instant newest(DoctorContext ctx, Duration step) {
    List<Series> s = ctx.query(newestQuery(ctx.scope(), ctx.range(), step));
    if (s.isEmpty() || s.get(0).samples().isEmpty()) {
      return null;
    }
    double v = s.get(0).samples().get(0).value();
    return Double.isFinite(v) ? seconds(v) : null;
  }
}
