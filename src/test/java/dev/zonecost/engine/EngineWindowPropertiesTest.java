package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.RandomCounters;
import dev.zonecost.accounting.RandomCounters.Counter;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.source.QuerySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The engine's fact gathering against DESIGN §3's twin: random counters (gaps, resets, TTL expiry,
 * births with and without agent evidence, windows before the data) stored in a fake back end that
 * evaluates the engine's real queries ({@link SampleStoreApi}), on closed and left-open ranges;
 * each series is its own pod pair, so each row is one series' bytes. DESIGN's invariants then run
 * on the engine: a sub-window never has more bytes per row, adjacent windows add up less the
 * increments straddling their edge, and a window before the data equals the clipped one.
 */
class EngineWindowPropertiesTest {
  private static final long BASE = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
  private static final String METRIC = "networkobservability_adv_forward_bytes";
  private static final long L = QuerySettings.DEFAULT_LOOK_BEHIND.toMillis();

  private static SampleStoreApi api(RandomCounters world, boolean leftOpen) {
    List<Series> store = new ArrayList<>();
    for (int k = 0; k < world.counters.size(); k++) {
      Counter c = world.counters.get(k);
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < c.ts().length; i++) {
        samples.add(new Sample(BASE + c.ts()[i], c.vs()[i]));
      }
      store.add(new Series(labels(c.agent(), k), samples));
    }
    return new SampleStoreApi(store, METRIC, leftOpen);
  }

  private static Map<String, String> labels(int agent, int k) {
    return Map.of(
        "__name__",
        METRIC,
        "instance",
        "retina-" + agent,
        "direction",
        "EGRESS",
        "source_namespace",
        "ns",
        "source_podname",
        "src-" + k,
        "destination_namespace",
        "ns",
        "destination_podname",
        "dst-" + k);
  }

  /** The engine's rows by series number. */
  private static Map<Integer, Long> engine(SampleStoreApi api, long start, long end) {
    EngineRequest request =
        new EngineRequest(
            Instant.ofEpochMilli(BASE + start),
            Instant.ofEpochMilli(BASE + end),
            DedupeMode.NONE,
            DataAggregationLevel.LOW,
            Selection.ALL,
            GroupBy.POD,
            MetricNames.DEFAULT,
            false,
            Duration.ofMillis(L),
            "retina");
    EngineResult result =
        new TrafficEngine(api, 2, Duration.ofHours(1), Progress.NONE).run(request);
    Map<Integer, Long> out = new TreeMap<>();
    for (TrafficRow row : result.rows()) {
      out.put(Integer.parseInt(row.key().source().name().substring(4)), row.bytes());
    }
    return out;
  }

  /** The twin's bytes by series number, rows of no bytes left out as the engine leaves them. */
  private static Map<Integer, Long> twin(RandomCounters world, long start, long end) {
    Map<Integer, Long> out = new TreeMap<>();
    for (int k = 0; k < world.counters.size(); k++) {
      long b = Math.round(world.expected(world.counters.get(k), start, end, L));
      if (b > 0) {
        out.put(k, b);
      }
    }
    return out;
  }

  @RepeatedTest(60)
  void the_engine_gives_the_twins_bytes_per_series(RepetitionInfo info) {
    long seed = 31_000L + info.getCurrentRepetition();
    SplittableRandom r = new SplittableRandom(seed);
    RandomCounters world = new RandomCounters(r, 5 * 3_600_000L);
    boolean leftOpen = r.nextBoolean();
    SampleStoreApi api = api(world, leftOpen);
    for (int k = 0; k < 3; k++) {
      long[] w = world.window(r);
      assertEquals(
          twin(world, w[0], w[1]),
          engine(api, w[0], w[1]),
          "seed " + seed + " left-open " + leftOpen + " window " + w[0] + ".." + w[1]);
    }
  }

  @RepeatedTest(30)
  void on_the_engine_a_sub_window_never_has_more_and_adjacent_windows_add_up(RepetitionInfo info) {
    long seed = 32_000L + info.getCurrentRepetition();
    SplittableRandom r = new SplittableRandom(seed);
    RandomCounters world = new RandomCounters(r, 5 * 3_600_000L);
    SampleStoreApi api = api(world, r.nextBoolean());
    long a = world.oldest + r.nextLong(world.newest - world.oldest) / 2;
    long b = a + 1_200_000 + r.nextLong(Math.max(1, world.newest - a));
    long t = a + 600_000 + r.nextLong(b - a - 600_000);
    if (r.nextBoolean()) {
      // on a series' first sample: a birth exactly at the shared edge
      Counter c = world.counters.get(r.nextInt(world.counters.size()));
      if (c.ts()[0] > a && c.ts()[0] < b) {
        t = c.ts()[0];
      }
    }
    Map<Integer, Long> whole = engine(api, a, b);
    Map<Integer, Long> left = engine(api, a, t);
    Map<Integer, Long> right = engine(api, t, b);
    String where = "seed " + seed + " [" + a + ", " + t + ", " + b + "]";
    for (Map<Integer, Long> part : List.of(left, right)) {
      part.forEach((k, v) -> assertTrue(v <= whole.getOrDefault(k, 0L), where + " series " + k));
    }
    // the whole less the two halves is what straddles t: the increment from the last sample at or
    // before t to the first after it, and the first value of a series born in the right half
    for (int k = 0; k < world.counters.size(); k++) {
      Counter c = world.counters.get(k);
      long straddling = straddling(world, c, a, t, b);
      assertTrue(straddling >= 0, where + " series " + k + ": the halves hold more than the whole");
      assertEquals(
          whole.getOrDefault(k, 0L).longValue(),
          left.getOrDefault(k, 0L) + right.getOrDefault(k, 0L) + straddling,
          where + " series " + k);
    }
  }

  @Test
  void on_the_engine_a_series_born_exactly_at_the_shared_edge_counts_in_the_earlier_window_only() {
    long m = 60_000;
    List<Sample> agentSeries = new ArrayList<>();
    for (long t = 0; t <= 90 * m; t += m) {
      agentSeries.add(new Sample(BASE + t, 1_000 + t / 1_000));
    }
    List<Sample> born =
        List.of(
            new Sample(BASE + 65 * m, 15),
            new Sample(BASE + 66 * m, 40),
            new Sample(BASE + 80 * m, 52));
    for (boolean leftOpen : List.of(false, true)) {
      SampleStoreApi api =
          new SampleStoreApi(
              List.of(new Series(labels(0, 0), agentSeries), new Series(labels(0, 1), born)),
              METRIC,
              leftOpen);
      long whole = engine(api, 61 * m, 90 * m).get(1);
      long left = engine(api, 61 * m, 65 * m).get(1);
      long right = engine(api, 65 * m, 90 * m).get(1);
      assertEquals(52, whole, "left-open " + leftOpen);
      assertEquals(15, left, "left-open " + leftOpen);
      assertEquals(37, right, "left-open " + leftOpen);
    }
  }

  /** What the whole window counts and neither half does, by the twin. */
  private static long straddling(RandomCounters world, Counter c, long a, long t, long b) {
    return Math.round(
        world.expected(c, a, b, L) - world.expected(c, a, t, L) - world.expected(c, t, b, L));
  }

  @RepeatedTest(30)
  void on_the_engine_a_window_that_starts_before_the_data_equals_the_clipped_window(
      RepetitionInfo info) {
    long seed = 33_000L + info.getCurrentRepetition();
    SplittableRandom r = new SplittableRandom(seed);
    RandomCounters world = new RandomCounters(r, 5 * 3_600_000L);
    SampleStoreApi api = api(world, r.nextBoolean());
    long before = world.oldest - 1 - r.nextLong(30L * 86_400_000);
    long end = world.oldest + 300_000 + r.nextLong(world.newest - world.oldest);
    assertEquals(engine(api, world.oldest, end), engine(api, before, end), "seed " + seed);
  }
}
