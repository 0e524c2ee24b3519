package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The twin on DESIGN §3's own cases, each by hand. */
class NaiveWindowBytesTest {
  private static final long M = 60_000;
  private static final long L = 60 * M;

  private static List<Long> every(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long t = from; t <= to; t += M) {
      out.add(t);
    }
    return out;
  }

  @Test
  void a_series_with_a_sample_in_the_look_behind_counts_only_differences_inside_the_window() {
    long[] ts = {0, M, 2 * M, 3 * M};
    double[] vs = {5, 10, 25, 40};
    assertEquals(30, NaiveWindowBytes.bytes(ts, vs, every(0, 3 * M), M, 3 * M, L));
  }

  @Test
  void a_series_born_while_its_agent_was_scraped_before_the_window_counts_its_first_value() {
    long[] ts = {62 * M, 63 * M};
    double[] vs = {15, 40};
    assertEquals(40, NaiveWindowBytes.bytes(ts, vs, every(0, 70 * M), 60 * M, 70 * M, L));
  }

  @Test
  void a_series_born_after_its_agents_first_scrape_in_the_window_counts_its_first_value() {
    // the agent's data begins at 61m (inside the window, nothing in the look-behind)
    long[] ts = {64 * M, 65 * M};
    double[] vs = {15, 40};
    assertEquals(40, NaiveWindowBytes.bytes(ts, vs, every(61 * M, 70 * M), 60 * M, 70 * M, L));
  }

  @Test
  void a_series_that_begins_with_its_agents_data_is_a_baseline() {
    long[] ts = {61 * M, 62 * M};
    double[] vs = {1_000_000, 1_000_040};
    assertEquals(40, NaiveWindowBytes.bytes(ts, vs, every(61 * M, 70 * M), 60 * M, 70 * M, L));
  }

  @Test
  void a_gap_longer_than_the_lookback_but_inside_the_look_behind_is_not_a_birth() {
    // last sample 30 minutes before the window (an outage), agent back at the start
    long[] ts = {30 * M, 60 * M, 61 * M};
    double[] vs = {100, 130, 150};
    assertEquals(20, NaiveWindowBytes.bytes(ts, vs, every(0, 61 * M), 60 * M, 61 * M, L));
  }

  @Test
  void a_reset_counts_the_value_after_it_alone() {
    long[] ts = {-M, 0, M, 2 * M, 3 * M};
    double[] vs = {1, 10, 30, 7, 12};
    assertEquals(32, NaiveWindowBytes.bytes(ts, vs, every(-M, 3 * M), 0, 4 * M, L));
  }

  @Test
  void a_sample_exactly_at_start_is_inside_the_window_and_samples_after_the_end_are_not() {
    long[] ts = {0, M, 2 * M};
    double[] vs = {4, 9, 100};
    assertEquals(5, NaiveWindowBytes.bytes(ts, vs, every(0, 2 * M), 0, M, L));
  }

  @Test
  void a_series_first_seen_exactly_at_the_shared_edge_of_two_windows_counts_once() {
    // the agent is scraped every minute; the series appears at 65m: born between 64m and 65m
    long[] ts = {65 * M, 66 * M, 70 * M};
    double[] vs = {15, 40, 52};
    List<Long> agent = every(0, 70 * M);
    double whole = NaiveWindowBytes.bytes(ts, vs, agent, 60 * M, 70 * M, L);
    double left = NaiveWindowBytes.bytes(ts, vs, agent, 60 * M, 65 * M, L);
    double right = NaiveWindowBytes.bytes(ts, vs, agent, 65 * M, 70 * M, L);
    assertEquals(52, whole);
    assertEquals(15, left, "born inside [60m, 65m]: its first value counts there");
    assertEquals(37, right, "first seen at the start of [65m, 70m]: a baseline there");
    assertEquals(whole, left + right, "adjacent windows meeting on a sample add up");
  }
}
