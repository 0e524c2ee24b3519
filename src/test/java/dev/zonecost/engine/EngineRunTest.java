package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.prometheus.BackendException;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One run's concurrency: its permits bound every engine's requests, its pool is shared. */
@Timeout(30)
class EngineRunTest {
  private static final class SlowApi implements PrometheusApi {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(10);
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
      return Optional.empty();
    }
  }

  @Test
  void should_bound_requests_from_every_piece_of_work_and_the_pool_together() {
    SlowApi api = new SlowApi();
    try (EngineRun run = new EngineRun(2)) {
      PrometheusApi limited = run.limit(api);
      List<Supplier<Integer>> work = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int n = i;
        work.add(
            () -> {
              // as an engine does: some queries on the pool, one from its own thread
              ExecutorService share = run.share();
              List<CompletableFuture<ResultInfo>> fs = new ArrayList<>();
              for (int q = 0; q < 4; q++) {
                fs.add(
                    TrafficEngine.async(share, () -> limited.query("up", Instant.EPOCH, s -> {})));
              }
              limited.query("up", Instant.EPOCH, s -> {});
              fs.forEach(TrafficEngine::join);
              share.shutdownNow();
              return n;
            });
      }
      assertEquals(List.of(0, 1, 2, 3, 4, 5), run.all(work), "results in the work's order");
    }
    assertEquals(2, api.maxInFlight.get(), "2 permits: never more, and both used");
  }

  @Test
  void should_throw_the_first_failure_as_it_was() {
    BackendException failure = new BackendException("refused");
    try (EngineRun run = new EngineRun(3)) {
      List<Supplier<String>> work =
          List.of(
              () -> "fine",
              () -> {
                throw failure;
              });
      assertSame(failure, assertThrows(BackendException.class, () -> run.all(work)));
    }
  }

  @Test
  void should_cancel_only_the_shares_own_tasks() throws Exception {
    try (EngineRun run = new EngineRun(1)) {
      ExecutorService first = run.share();
      ExecutorService second = run.share();
      CompletableFuture<Void> gate = new CompletableFuture<>();
      CompletableFuture.runAsync(gate::join, first); // holds the one thread
      CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> "second", second);
      CompletableFuture<String> dropped = CompletableFuture.supplyAsync(() -> "first", first);
      assertEquals(2, first.shutdownNow().size(), "the first share's two tasks are cancelled");
      gate.complete(null);
      assertEquals("second", queued.get(), "the other share's task still runs");
      assertTrue(!dropped.isDone(), "the cancelled task never ran");
      assertThrows(
          RejectedExecutionException.class, () -> CompletableFuture.runAsync(() -> {}, first));
    }
  }
}
