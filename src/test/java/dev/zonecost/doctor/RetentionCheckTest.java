package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.prometheus.FakePrometheus;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data range: the exact oldest sample, and a window that ends after the data stopped. */
class RetentionCheckTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Instant START = END.minusSeconds(3600);
  private static final String R = "3600s";
  private static final Duration STEP = RetentionCheck.step(Duration.ofHours(1));

  private final FakePrometheus api = new FakePrometheus();
  private final DoctorContext ctx = new DoctorContext(api, START, END, 1);

  private static Series samples(Instant... times) {
    return new Series(
        Map.of("instance", "n1"),
        java.util.Arrays.stream(times).map(t -> new Sample(t.toEpochMilli(), 1)).toList());
  }

  @Test
  void should_name_the_oldest_sample_exactly_not_one_scrape_late() {
    ctx.forwardSeries = 1;
    // The subquery sees 00:40:00 (a later sample); the raw step holds the real first, 00:39:20.
    Instant seen = START.plusSeconds(600);
    api.number(RetentionCheck.query(Scope.ALL, R, STEP), seen.getEpochSecond());
    api.series(
        RetentionCheck.rawStep(Scope.ALL, STEP), List.of(samples(seen.minusSeconds(40), seen)));
    CheckResult r = new RetentionCheck().run(ctx);
    assertEquals(Status.WARN, r.status());
    assertTrue(
        r.measured().contains("oldest Retina sample is 2026-11-01T01:09:20Z:"), r.measured());
  }

  @Test
  void should_warn_when_the_window_ends_well_after_the_newest_sample() {
    ctx.forwardSeries = 1;
    api.number(RetentionCheck.query(Scope.ALL, R, STEP), START.getEpochSecond());
    api.number(
        RetentionCheck.newestQuery(Scope.ALL, R, STEP), END.minusSeconds(1800).getEpochSecond());
    CheckResult stale = new RetentionCheck().run(ctx);
    assertEquals(Status.WARN, stale.status());
    assertTrue(
        stale.measured().contains("newest Retina sample is 2026-11-01T01:30:00Z"),
        stale.measured());
    assertTrue(stale.fix().contains("stale"), stale.fix());

    api.number(
        RetentionCheck.newestQuery(Scope.ALL, R, STEP), END.minusSeconds(60).getEpochSecond());
    assertEquals(Status.OK, new RetentionCheck().run(ctx).status());
  }

  @Test
  void should_not_call_the_last_sample_before_the_window_the_data_start() {
    ctx.forwardSeries = 1;
    // The data reaches back before the window: the subquery's first step sees, through the
    // lookback, the last sample before it (00:59:30); the window's first step holds 01:00:30.
    Instant before = START.minusSeconds(30);
    api.number(RetentionCheck.query(Scope.ALL, R, STEP), before.getEpochSecond());
    api.series(RetentionCheck.rawStep(Scope.ALL, STEP), List.of(samples(START.plusSeconds(30))));
    api.number(RetentionCheck.newestQuery(Scope.ALL, R, STEP), END.getEpochSecond());
    CheckResult r = new RetentionCheck().run(ctx);
    assertEquals(Status.OK, r.status(), r.measured());
    assertTrue(!r.measured().startsWith("data from " + before), r.measured());
    assertTrue(
        r.measured()
            .startsWith(
                "data from before the window (a sample at 2026-11-01T00:59:30Z); the oldest"
                    + " sample in the window is 2026-11-01T01:00:30Z"),
        r.measured());
  }
}
