package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.WindowBytes.Segment;
import dev.zonecost.prometheus.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The located-reset form against the definition: with the resets found in the ranges of the steps
 * where {@code resets(x[2S]) > 0}, {@code last − first + Σ value before each reset} is the window's
 * sum of increments, and every reset between samples at most S apart is found.
 */
class ResetLocatorTest {
  private static final long S = Duration.ofMinutes(5).toMillis();

  @Test
  void finds_the_value_before_each_reset_inside_the_window_only() {
    List<Sample> samples =
        List.of(
            new Sample(0, 50), // before the window: its drop to 5 is not the window's
            new Sample(60_000, 5),
            new Sample(120_000, 9),
            new Sample(180_000, 2),
            new Sample(240_000, 4),
            new Sample(300_000, 1)); // after the window
    TreeMap<Long, Double> d = ResetLocator.drops(samples, 60_000, 240_000);
    assertEquals(1, d.size());
    assertEquals(9.0, d.get(180_000L));
  }

  @Test
  void step_is_five_minutes_until_the_window_needs_more_than_ten_thousand() {
    assertEquals(Duration.ofMinutes(5), ResetLocator.step(Duration.ofDays(1)));
    assertEquals(Duration.ofMinutes(5), ResetLocator.step(Duration.ofDays(30)));
    assertEquals(Duration.ofDays(50).dividedBy(10_000), ResetLocator.step(Duration.ofDays(50)));
  }

  @RepeatedTest(200)
  void located_resets_give_the_definitions_bytes(RepetitionInfo info) {
    SplittableRandom r = new SplittableRandom(9_100L + info.getCurrentRepetition());
    List<Sample> samples = new ArrayList<>();
    long t = r.nextInt(600_000);
    double v = r.nextInt(1000);
    boolean bigGaps = r.nextBoolean();
    for (int i = 0; i < 200; i++) {
      samples.add(new Sample(t, v));
      t += bigGaps && r.nextInt(30) == 0 ? S + 1 + r.nextInt(1_200_000) : 1 + r.nextInt((int) S);
      v = r.nextInt(15) == 0 ? r.nextInt(100) : v + r.nextInt(500);
    }
    long start = samples.get(5 + r.nextInt(20)).timestampMillis() - r.nextInt(60_000);
    long end = samples.get(150 + r.nextInt(40)).timestampMillis() + r.nextInt(60_000);

    Segment whole = ResetReads.inWindow(samples, start, end).segment();
    int census = ResetLocator.drops(samples, start, end).size();
    // the subquery's steps: multiples of S in [start − 2S, end + S], each range [t − 2S, t]
    TreeMap<Long, Double> found = new TreeMap<>();
    for (long step = (start - 2 * S) / S * S; step <= end + S; step += S) {
      List<Sample> range = new ArrayList<>();
      for (Sample s : samples) {
        if (s.timestampMillis() >= step - 2 * S && s.timestampMillis() <= step) {
          range.add(s);
        }
      }
      if (!ResetLocator.drops(range, Long.MIN_VALUE, Long.MAX_VALUE).isEmpty()) {
        found.putAll(ResetLocator.drops(range, start, end));
      }
    }
    if (!bigGaps) {
      assertEquals(census, found.size(), "every reset between samples ≤ S apart is found");
    }
    assertTrue(found.size() <= census);
    if (found.size() == census) {
      double sumBefore = found.values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(whole.inner(), whole.last() - whole.first() + sumBefore, 1e-6);
    }
  }
}
