package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NaiveWindowBytesTest {
  private static final long S = 1000;

  private static double bytes(long start, long end, long[] ts, double[] vs) {
    NaiveWindowBytes c = new NaiveWindowBytes(start, end);
    for (int i = 0; i < ts.length; i++) {
      c.add(ts[i], vs[i]);
    }
    return c.bytes();
  }

  @Test
  void should_count_only_differences_inside_the_window_for_a_series_that_existed_before() {
    // samples at 0,60,...; window [60,180]: pairs (60,120) and (120,180)
    assertEquals(
        30,
        bytes(
            60 * S,
            180 * S,
            new long[] {0, 60 * S, 120 * S, 180 * S},
            new double[] {5, 10, 25, 40}));
  }

  @Test
  void should_count_the_first_value_of_a_series_that_began_inside_the_window() {
    assertEquals(40, bytes(0, 300 * S, new long[] {120 * S, 180 * S}, new double[] {15, 40}));
  }

  @Test
  void should_count_the_value_after_a_reset_alone() {
    // 10 -> 30 (+20), reset to 7 (+7), 7 -> 12 (+5)
    assertEquals(
        32,
        bytes(
            0,
            400 * S,
            new long[] {-60 * S, 0, 60 * S, 120 * S, 180 * S},
            new double[] {1, 10, 30, 7, 12}));
  }

  @Test
  void should_ignore_samples_after_the_end_and_repeated_timestamps_of_overlapping_chunks() {
    NaiveWindowBytes c = new NaiveWindowBytes(0, 120 * S);
    c.add(-30 * S, 1);
    c.add(0, 2);
    c.add(60 * S, 5);
    c.add(60 * S, 5);
    c.add(120 * S, 9);
    c.add(180 * S, 100);
    assertEquals(7, c.bytes());
  }

  @Test
  void should_treat_a_sample_exactly_at_start_as_inside_the_window() {
    assertEquals(9, bytes(0, 60 * S, new long[] {0, 60 * S}, new double[] {4, 9}));
  }
}
