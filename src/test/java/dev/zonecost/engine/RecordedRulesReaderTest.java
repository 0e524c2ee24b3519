package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.monitoring.RecordedQueries;
import dev.zonecost.prometheus.FakePrometheus;
import dev.zonecost.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which recorded series a window is read from: the roll-up's hours, the edges per interval. */
class RecordedRulesReaderTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = START.plus(Duration.ofHours(10));
  private static final Duration FIVE = Duration.ofMinutes(5);
  private static final String PAIRS = RecordedQueries.series(FIVE);
  private static final String ROLLUP = PAIRS + "_sum1h";
  // The roll-up's newest sample: 20 minutes before the window's end, off the hour.
  private static final Instant NEWEST = END.minus(Duration.ofMinutes(20)).plusMillis(612);

  private static EngineRequest request(Instant start) {
    return new EngineRequest(
        start, END, DedupeMode.AUTO, DataAggregationLevel.LOW, Selection.ALL, GroupBy.WORKLOAD);
  }

  private static Series bytes(double v) {
    return FakePrometheus.series(Map.of("source_workload", "a"), v);
  }

  private static FakePrometheus withNewest() {
    return new FakePrometheus()
        .number(
            RecordedQueries.newestRollup(Selection.ALL, ROLLUP), NEWEST.toEpochMilli() / 1000.0);
  }

  @Test
  void should_read_whole_hours_from_the_roll_up_and_the_edges_per_interval() {
    long hours = Duration.between(START, NEWEST).toHours(); // 9
    Instant from = NEWEST.minus(Duration.ofHours(hours));
    FakePrometheus api =
        withNewest()
            .number(
                RecordedQueries.rollupAt(
                    Selection.ALL, ROLLUP, from.plus(Duration.ofHours(1)), false),
                1)
            .series(
                RecordedQueries.query(
                    Selection.ALL, ROLLUP, Duration.ofHours(hours), NEWEST, false),
                List.of(bytes(900)))
            .series(
                RecordedQueries.query(
                    Selection.ALL, PAIRS, Duration.between(START, from), from, false),
                List.of(bytes(40)))
            .series(
                RecordedQueries.query(
                    Selection.ALL, PAIRS, Duration.between(NEWEST, END), END, false),
                List.of(bytes(2)));
    RecordedRulesReader.Answer a = RecordedRulesReader.read(api, request(START), FIVE, false, 4);
    api.assertEveryStubAsked();
    assertEquals(942, a.series().stream().mapToDouble(s -> s.samples().get(0).value()).sum());
    assertEquals(5, a.queries().size());
  }

  @Test
  void should_read_per_interval_where_the_roll_up_began_inside_the_window() {
    long hours = Duration.between(START, NEWEST).toHours();
    Instant from = NEWEST.minus(Duration.ofHours(hours));
    FakePrometheus api =
        withNewest()
            // no roll-up sample in the first of the window's whole hours
            .number(
                RecordedQueries.rollupAt(
                    Selection.ALL, ROLLUP, from.plus(Duration.ofHours(1)), false),
                0)
            .series(
                RecordedQueries.query(
                    Selection.ALL, PAIRS, Duration.between(START, END), END, false),
                List.of(bytes(902)));
    RecordedRulesReader.Answer a = RecordedRulesReader.read(api, request(START), FIVE, false, 4);
    api.assertEveryStubAsked();
    assertEquals(902, a.series().stream().mapToDouble(s -> s.samples().get(0).value()).sum());
  }

  @Test
  void should_read_a_short_window_or_one_without_roll_up_in_one_query() {
    FakePrometheus shortWindow =
        new FakePrometheus()
            .series(
                RecordedQueries.query(Selection.ALL, PAIRS, Duration.ofHours(1), END, true),
                List.of(bytes(7)));
    RecordedRulesReader.Answer a =
        RecordedRulesReader.read(
            shortWindow, request(END.minus(Duration.ofHours(1))), FIVE, true, 4);
    shortWindow.assertEveryStubAsked();
    assertEquals(List.of(7.0), a.series().stream().map(s -> s.samples().get(0).value()).toList());

    FakePrometheus noRollup =
        new FakePrometheus()
            .series(
                RecordedQueries.query(
                    Selection.ALL, PAIRS, Duration.between(START, END), END, true),
                List.of(bytes(9)));
    RecordedRulesReader.Answer b =
        RecordedRulesReader.read(noRollup, request(START), FIVE, true, 4);
    noRollup.assertEveryStubAsked();
    assertEquals(2, b.queries().size(), "asked for the roll-up, then read per interval");
  }
}
