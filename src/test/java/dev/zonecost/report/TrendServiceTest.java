package dev.zonecost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceBookLoader;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code report --every}: the buckets share one run, so its concurrency bounds them all. */
@Timeout(60)
class TrendServiceTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final CostEstimator AWS =
      new CostEstimator(PriceSelection.of(PriceBookLoader.loadDefault(), "aws", null));

  /** Answers every query with nothing, slowly enough that queries sent together overlap. */
  private static final class CountingApi implements PrometheusApi {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger queries = new AtomicInteger();

    @Override
    public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
      queries.incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(15);
        return new ResultInfo("vector", List.of(), List.of());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
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

  private static EngineRequest window() {
    return new EngineRequest(
        START, END, DedupeMode.AUTO, DataAggregationLevel.LOW, Selection.ALL, GroupBy.WORKLOAD);
  }

  @Test
  void should_keep_queries_in_flight_within_the_parallelism_whatever_the_number_of_buckets() {
    int parallelism = 3;
    CountingApi api = new CountingApi();
    ReportService reports = new ReportService(api, parallelism, "test", AWS);

    List<Bucket> buckets = new TrendService(reports).buckets(window(), Duration.ofMinutes(15));

    assertEquals(8, buckets.size(), "2 h every 15 m");
    assertTrue(api.queries.get() > 8 * parallelism, "each bucket sent its own queries");
    assertTrue(
        api.maxInFlight.get() <= parallelism,
        "at most --parallelism " + parallelism + " queries at once, saw " + api.maxInFlight);
    assertEquals(parallelism, api.maxInFlight.get(), "and the buckets do use all of it");
  }

  @Test
  void should_hold_a_parallelism_of_one_to_one_query_at_a_time() {
    CountingApi api = new CountingApi();
    ReportService reports = new ReportService(api, 1, "test", AWS);

    List<Bucket> buckets = new TrendService(reports).buckets(window(), Duration.ofMinutes(30));

    assertEquals(4, buckets.size());
    assertEquals(1, api.maxInFlight.get(), "--parallelism 1 sends one query at a time");
  }
}
