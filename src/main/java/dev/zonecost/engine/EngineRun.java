package dev.zonecost.engine;

import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One run's concurrency: a pool of {@code parallelism} query threads and as many permits for
 * requests in flight, shared by every engine of the run. A trend's buckets each run an engine, and
 * together they still send at most {@code parallelism} requests at once, however many buckets
 * {@code --every} cuts. Requests an engine sends from its own thread (the version, the probes) take
 * a permit too.
 */
public final class EngineRun implements AutoCloseable {
  private final int parallelism;
  private final ExecutorService pool;
  private final Semaphore permits;

  public EngineRun(int parallelism) {
    this.parallelism = Math.max(1, parallelism);
    this.pool = Executors.newFixedThreadPool(this.parallelism, TrafficEngine::daemon);
    this.permits = new Semaphore(this.parallelism, true);
  }

  public int parallelism() {
    return parallelism;
  }

  /**
   * The API whose requests wait for one of the run's permits. A permit is held only while a request
   * is answered (its sink only collects), never while waiting for other work: no deadlock.
   */
  public PrometheusApi limit(PrometheusApi api) {
    return new PrometheusApi() {
      @Override
      public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
        acquire();
        try {
          return api.query(promql, time, sink);
        } finally {
          permits.release();
        }
      }

      @Override
      public Optional<String> version() {
        acquire();
        try {
          return api.version();
        } finally {
          permits.release();
        }
      }
    };
  }

  private void acquire() {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to send a query", e);
    }
  }

  /**
   * One engine's share of the pool: its tasks run on the run's threads, and shutting it down
   * cancels only its own (an engine that failed stops its queries, not the other buckets').
   */
  ExecutorService share() {
    return new Share();
  }

  /**
   * Runs each piece of work (a trend's bucket: one engine run each), at most {@code parallelism} at
   * once, and returns their results in order. The first failure is thrown as it was and stops the
   * rest. The pieces run on threads of their own, not the query pool's: they wait for their
   * queries, which a pool full of waiting pieces could never answer.
   */
  public <T> List<T> all(List<Supplier<T>> work) {
    if (work.isEmpty()) {
      return List.of();
    }
    ExecutorService runners =
        Executors.newFixedThreadPool(Math.min(parallelism, work.size()), EngineRun::runner);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Supplier<T> w : work) {
        futures.add(runners.submit(w::get));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      runners.shutdownNow();
    }
  }

  private static Thread runner(Runnable r) {
    Thread t = new Thread(r, "zonecost-run");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private final class Share extends AbstractExecutorService {
    private final Set<FutureTask<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
      if (shutdown) {
        throw new RejectedExecutionException("this engine's reads are over");
      }
      FutureTask<Void> task =
          new FutureTask<>(command, null) {
            @Override
            protected void done() {
              pending.remove(this);
            }
          };
      pending.add(task);
      pool.execute(task);
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      List<Runnable> cancelled = new ArrayList<>();
      for (FutureTask<?> t : pending) {
        if (t.cancel(true)) {
          cancelled.add(t);
        }
      }
      return cancelled;
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown && pending.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException("an engine's share of a run is never awaited");
    }
  }
}
