package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * DESIGN §3's invariants of the bytes of a window, on the simulator's edge cluster (history, an
 * outage across the window's start, a TTL gap, a node added mid-window, a reset, churn): random
 * windows, seeded by the repetition number so every failure names a reproducible case.
 */
class WindowPropertiesTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static SimulatedCluster edge;

  @BeforeAll
  static void cluster() {
    edge = Simulator.generate(SimulationSpec.builder("edge", END).hours(2).seed(7).build());
  }

  /** A random instant in [from, to], to the millisecond. */
  private static Instant between(SplittableRandom r, Instant from, Instant to) {
    return from.plusMillis(r.nextLong(Duration.between(from, to).toMillis() + 1));
  }

  private static Map<TrafficKey, Long> rows(List<TrafficRow> rows) {
    return rows.stream().collect(Collectors.toMap(TrafficRow::key, TrafficRow::bytes));
  }

  @RepeatedTest(200)
  void a_sub_window_never_has_more_bytes_per_row_than_its_window(RepetitionInfo info) {
    SplittableRandom r = new SplittableRandom(info.getCurrentRepetition());
    Instant a = between(r, edge.dataStart().minus(Duration.ofMinutes(30)), edge.end());
    Instant b = between(r, a, edge.end());
    Instant a2 = between(r, a, b);
    Instant b2 = between(r, a2, b);
    Map<TrafficKey, Long> whole = rows(edge.answer().expected(a, b));
    for (TrafficRow row : edge.answer().expected(a2, b2)) {
      long outer = whole.getOrDefault(row.key(), 0L);
      assertTrue(
          row.bytes() <= outer,
          "[" + a2 + ", " + b2 + "] ⊂ [" + a + ", " + b + "]: " + row + " > " + outer);
    }
  }

  @RepeatedTest(200)
  void adjacent_windows_add_up_to_the_whole_less_the_increments_across_their_edge(
      RepetitionInfo info) {
    SplittableRandom r = new SplittableRandom(1000L + info.getCurrentRepetition());
    Instant a = between(r, edge.dataStart(), edge.end());
    Instant b = between(r, a, edge.end());
    // Half on the scrape grid: a sample exactly on the shared edge is in both closed windows, and a
    // series first seen there is born in the earlier one only.
    Instant t = between(r, a, b);
    if (r.nextBoolean()) {
      t = Instant.ofEpochMilli(t.toEpochMilli() / 60_000 * 60_000);
      if (t.isBefore(a)) {
        return;
      }
    }
    if (t.isAfter(b)) {
      return;
    }
    assertAdjacentWindowsAddUp(a, t, b);
  }

  /** [a, t] and [t, b] add up to [a, b] less the increments straddling t, row for row. */
  private static void assertAdjacentWindowsAddUp(Instant a, Instant t, Instant b) {
    Map<TrafficKey, Long> sum = new HashMap<>();
    for (List<TrafficRow> part :
        List.of(edge.answer().expected(a, t), edge.answer().expected(t, b))) {
      part.forEach(row -> sum.merge(row.key(), row.bytes(), Long::sum));
    }
    edge.answer().straddling(a, b, t).forEach((k, v) -> sum.merge(k, v, Long::sum));
    sum.values().removeIf(v -> v == 0);
    assertEquals(
        rows(edge.answer().expected(a, b)), sum, "[" + a + ", " + t + "] + [" + t + ", " + b + "]");
  }

  @RepeatedTest(200)
  void a_window_that_starts_before_the_data_equals_the_clipped_window(RepetitionInfo info) {
    SplittableRandom r = new SplittableRandom(2000L + info.getCurrentRepetition());
    Instant oldest = edge.oldestForwardSample();
    Instant before = oldest.minus(Duration.ofSeconds(1 + r.nextLong(30L * 86_400)));
    Instant end = between(r, oldest, edge.end());
    assertEquals(edge.answer().expected(oldest, end), edge.answer().expected(before, end));
  }

  @org.junit.jupiter.api.Test
  void adjacent_windows_that_meet_on_the_first_sample_of_born_flows_add_up_exactly() {
    List<Instant> births =
        edge.flowBirths().stream()
            .filter(t -> !t.minus(Duration.ofMinutes(30)).isBefore(edge.dataStart()))
            .filter(t -> !t.plus(Duration.ofMinutes(30)).isAfter(edge.end()))
            .limit(20)
            .toList();
    assertTrue(!births.isEmpty(), "the edge cluster has flows born inside its data");
    for (Instant t : births) {
      assertAdjacentWindowsAddUp(
          t.minus(Duration.ofMinutes(30)), t, t.plus(Duration.ofMinutes(30)));
    }
  }
}
