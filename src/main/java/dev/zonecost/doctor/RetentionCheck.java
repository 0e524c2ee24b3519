package dev.zonecost.doctor;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.PromqlStrings;
import java.time.Duration;
import java.time.Instant;

/**
 * Does the window start before the oldest Retina sample the server holds. If so, a report clips the
 * window to the data (DESIGN §3) and covers less time than asked; the advice names a start one
 * look-behind after the oldest sample, where every series' history is in the data. The oldest
 * sample is found with a subquery whose step is at least a minute (and at most 1/500 of the
 * window), so it is exact to one step.
 */
public final class RetentionCheck implements Check {
  public static final String NAME = "data range";

  /** The report's default look-behind: a window this far after the oldest sample has all of it. */
  static final Duration SAFE_LOOK_BEHIND = Duration.ofHours(1);

  public static Duration step(Duration window) {
    Duration s = window.dividedBy(500);
    return s.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : s.withNanos(0);
  }

  public static String query(String range, Duration step) {
    return "min(min_over_time(timestamp("
        + LabelNames.FORWARD_BYTES
        + ")["
        + range
        + ":"
        + PromqlStrings.duration(step)
        + "]))";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.forwardSeries <= 0) {
      return CheckResult.info(NAME, "not measured: no Retina series");
    }
    Duration step = step(Duration.between(ctx.start(), ctx.end()));
    var s = ctx.query(query(ctx.range(), step));
    if (s.isEmpty()) {
      return CheckResult.info(NAME, "oldest sample not found");
    }
    Instant oldest = Instant.ofEpochMilli(Math.round(s.get(0).samples().get(0).value() * 1000));
    // One subquery step plus one scrape's worth of slack.
    if (oldest.isAfter(ctx.start().plus(step).plus(Duration.ofMinutes(1)))) {
      Instant safe = oldest.plus(SAFE_LOOK_BEHIND);
      return CheckResult.warn(
          NAME,
          "window starts "
              + ctx.start()
              + " but the oldest Retina sample is "
              + oldest
              + ": report clips the window to the data (check refuses it: exit 5)",
          "start the window at or after "
              + safe
              + " (--start "
              + safe
              + "), one look-behind after the oldest sample, so a new series can be told from an"
              + " old one; or keep more history (--storage.tsdb.retention.time)");
    }
    return CheckResult.ok(NAME, "data from " + oldest + " covers the window from " + ctx.start());
  }
}
