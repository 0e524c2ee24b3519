package dev.zonecost.doctor;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.PromqlStrings;
import java.time.Duration;
import java.time.Instant;

/**
 * Does the window start before the oldest Retina sample the server holds. If so, a report of the
 * window silently covers less time than asked. The oldest sample is found with a subquery whose
 * step is at least a minute (and at most 1/500 of the window), so it is exact to one step.
 */
public final class RetentionCheck implements Check {
  public static final String NAME = "data range";

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
      return CheckResult.warn(
          NAME,
          "window starts " + ctx.start() + " but the oldest Retina sample is " + oldest,
          "the answer would be silently partial: start the window at or after "
              + oldest
              + " (--start "
              + oldest
              + "), or keep more history (--storage.tsdb.retention.time)");
    }
    return CheckResult.ok(NAME, "data from " + oldest + " covers the window from " + ctx.start());
  }
}
