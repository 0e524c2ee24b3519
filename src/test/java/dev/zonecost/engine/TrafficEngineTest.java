package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine's requests for raw samples: chunks tile the window, and parallelism is bounded. */
@Timeout(30)
class TrafficEngineTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Map<String, String> LABELS =
      Map.of(
          "direction", "EGRESS",
          "instance", "retina-a",
          "source_namespace", "a",
          "source_podname", "p",
          "destination_namespace", "b",
          "destination_podname", "q");

  /** One reset series whose samples (every minute, +10 each, reset at 01:00) the fake serves. */
  private static final class FakeApi implements PrometheusApi {
    final Map<String, String> labels;
    final List<long[]> rawRanges = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    boolean locates;

    FakeApi() {
      this(LABELS);
    }

    FakeApi(Map<String, String> labels) {
      this.labels = labels;
    }

    @Override
    public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(20);
        Map<String, String> other = new java.util.HashMap<>(labels);
        other.put("destination_podname", "r");
        boolean twoSeries = labels.containsKey("k8s_cluster");
        if (promql.startsWith("resets(")) {
          // the census: the series with a reset, and (renamed cluster label) one without
          sink.accept(new Series(labels, List.of(new Sample(time.toEpochMilli(), 1))));
          if (twoSeries) {
            sink.accept(new Series(other, List.of(new Sample(time.toEpochMilli(), 0))));
          }
        } else if (promql.startsWith("last_over_time(networkobservability")
            && !promql.contains(" @ ")) {
          // the last values (at the end, and by name); the look-behind (@ start) is empty here
          sink.accept(new Series(labels, List.of(new Sample(time.toEpochMilli(), 610))));
          if (twoSeries) {
            sink.accept(new Series(other, List.of(new Sample(time.toEpochMilli(), 500))));
          }
        } else if (promql.startsWith("(resets(") && locates) {
          // the reset between 00:59 and 01:00 lies in the ranges of the steps at 01:00 and 01:05
          long reset = START.plusSeconds(3600).toEpochMilli();
          sink.accept(
              new Series(labels, List.of(new Sample(reset, 1), new Sample(reset + 300_000, 1))));
        } else if (promql.startsWith("max by (k8s_cluster, namespace, pod")) {
          sink.accept(
              new Series(
                  Map.of("k8s_cluster", "eu-1", "namespace", "b", "pod", "r", "node", "n1"),
                  List.of(new Sample(time.toEpochMilli(), 1))));
        } else if (promql.startsWith("max by (k8s_cluster, node")) {
          sink.accept(
              new Series(
                  Map.of(
                      "k8s_cluster",
                      "eu-1",
                      "node",
                      "n1",
                      "label_topology_kubernetes_io_zone",
                      "z1"),
                  List.of(new Sample(time.toEpochMilli(), 1))));
        } else if (promql.startsWith("networkobservability_adv_forward_bytes")) {
          Matcher m = Pattern.compile("\\[(\\d+)(ms|s)]$").matcher(promql);
          assertTrue(m.find(), promql);
          long range = Long.parseLong(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
          long to = time.toEpochMilli();
          long from = to - range;
          if (promql.contains("{")) {
            // reads by name (the first scrapes' read of every agent is not one)
            rawRanges.add(new long[] {from, to});
          }
          List<Sample> samples = new ArrayList<>();
          for (long t = START.minusSeconds(600).toEpochMilli();
              t <= END.toEpochMilli();
              t += 60_000) {
            if (t >= from && t <= to) {
              long minutes = (t - START.toEpochMilli()) / 60_000;
              samples.add(
                  new Sample(t, minutes < 60 ? 100 + 10 * (minutes + 10) : 10 * (minutes - 59)));
            }
          }
          sink.accept(new Series(labels, samples));
        }
        return new ResultInfo("vector", List.of(), List.of());
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public Optional<String> version() {
      return Optional.of("2.42.0");
    }
  }

  private static EngineResult run(FakeApi api, Duration chunk, int parallelism) {
    return new TrafficEngine(api, parallelism, chunk, Progress.NONE)
        .run(
            new EngineRequest(
                START,
                END,
                DedupeMode.NONE,
                DataAggregationLevel.LOW,
                Selection.ALL,
                GroupBy.WORKLOAD));
  }

  @Test
  void should_read_raw_samples_in_chunks_that_tile_the_window() {
    FakeApi api = new FakeApi();
    EngineResult chunked = run(api, Duration.ofMinutes(20), 2);
    List<long[]> ranges = new ArrayList<>(api.rawRanges);
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    assertEquals(6, ranges.size(), "120 minutes in chunks of 20");
    assertEquals(START.toEpochMilli(), ranges.get(0)[0]);
    assertEquals(END.toEpochMilli(), ranges.get(ranges.size() - 1)[1]);
    for (int i = 1; i < ranges.size(); i++) {
      assertEquals(ranges.get(i - 1)[1], ranges.get(i)[0], "no gap, no overlap but the boundary");
    }
    assertTrue(api.maxInFlight.get() <= 2, "at most 2 requests at once: " + api.maxInFlight);

    FakeApi whole = new FakeApi();
    EngineResult once = run(whole, Duration.ofDays(1), 4);
    assertEquals(1, whole.rawRanges.size());
    assertEquals(once.rows(), chunked.rows(), "chunks give the same answer as one request");
    // 10/min for 59 minutes before the reset, then 10..610 after it: 590 + 10*(1+...+61)/... exact:
    long bytes = once.rows().get(0).bytes();
    assertEquals(590 + 10 + 600, bytes);
  }

  @Test
  void should_read_only_the_ranges_around_a_located_reset_and_give_the_same_bytes() {
    FakeApi whole = new FakeApi();
    EngineResult read = run(whole, Duration.ofDays(1), 2);
    FakeApi located = new FakeApi();
    located.locates = true;
    EngineResult found = run(located, Duration.ofDays(1), 2);
    assertEquals(read.rows(), found.rows(), "located resets give the raw read's bytes");
    assertTrue(
        whole.rawRanges.stream().anyMatch(r -> r[1] - r[0] == Duration.ofHours(2).toMillis()),
        "without a located reset the window's raw samples are read");
    for (long[] r : located.rawRanges) {
      assertTrue(r[1] - r[0] <= Duration.ofMinutes(15).toMillis(), "a short read: " + r[0]);
    }
    String sent = found.queriesSent().toString();
    assertTrue(
        sent.contains(
            "raw samples around each located reset, by name (sent only when there are any), in 2 reads"),
        sent);
  }

  @Test
  void should_split_rows_by_a_renamed_cluster_label() {
    Map<String, String> labels = new java.util.HashMap<>(LABELS);
    labels.put("k8s_cluster", "eu-1");
    EngineResult r =
        new TrafficEngine(new FakeApi(labels), 2)
            .run(
                new EngineRequest(
                    START,
                    END,
                    DedupeMode.NONE,
                    DataAggregationLevel.LOW,
                    Selection.ALL,
                    GroupBy.WORKLOAD,
                    new dev.zonecost.promql.MetricNames(
                        "networkobservability_adv_forward_bytes",
                        "label_topology_kubernetes_io_zone",
                        "k8s_cluster"),
                    true,
                    dev.zonecost.source.QuerySettings.DEFAULT_LOOK_BEHIND,
                    "auto"));
    assertEquals(2, r.rows().size(), r.rows().toString());
    for (TrafficRow row : r.rows()) {
      assertEquals("eu-1", row.key().source().cluster(), row.toString());
      assertEquals("eu-1", row.key().destination().cluster(), row.toString());
    }
    // the series without a reset found its pod's zone through the renamed label
    assertTrue(
        r.rows().stream().anyMatch(row -> row.key().destinationZone().equals("z1")),
        r.rows().toString());
  }

  @Test
  void identity_ignores_order_and_the_name_and_cannot_be_forged_by_a_value() {
    Map<String, String> sorted = new java.util.LinkedHashMap<>();
    sorted.put("__name__", "x");
    sorted.put("a", "1");
    sorted.put("b", "2");
    Map<String, String> unsorted = new java.util.LinkedHashMap<>();
    unsorted.put("b", "2");
    unsorted.put("a", "1");
    assertEquals(TrafficEngine.identity(sorted), TrafficEngine.identity(unsorted));
    Map<String, String> forged = new java.util.LinkedHashMap<>();
    forged.put("a", "1, b=2");
    assertTrue(!TrafficEngine.identity(forged).equals(TrafficEngine.identity(unsorted)));
    Map<String, String> forged2 = new java.util.LinkedHashMap<>();
    forged2.put("a", "1b=1:2");
    assertTrue(!TrafficEngine.identity(forged2).equals(TrafficEngine.identity(unsorted)));
  }
}
