package dev.zonecost.report;

import dev.zonecost.common.NoDataException;
import dev.zonecost.engine.EngineRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code report --every}: the whole window's report, and one report per aligned bucket, each its
 * own request set (so each is exact by DESIGN §3), run a few at a time.
 */
public final class TrendService {
  private final ReportService reports;
  private final int parallelBuckets;

  public TrendService(ReportService reports, int parallelBuckets) {
    this.reports = reports;
    this.parallelBuckets = Math.max(1, parallelBuckets);
  }

  /** The buckets of the window {@code request} asks for; a bucket without traffic is empty. */
  public List<Bucket> buckets(EngineRequest request, Duration every) {
    List<Instant[]> edges = BucketEdges.cut(request.start(), request.end(), every);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelBuckets, edges.size()));
    try {
      List<Future<Bucket>> futures = new ArrayList<>();
      for (Instant[] e : edges) {
        futures.add(pool.submit(() -> bucket(request, e[0], e[1])));
      }
      List<Bucket> out = new ArrayList<>();
      for (Future<Bucket> f : futures) {
        out.add(f.get());
      }
      return List.copyOf(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading buckets", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Bucket bucket(EngineRequest window, Instant start, Instant end) {
    EngineRequest r =
        new EngineRequest(
            start,
            end,
            window.dedupe(),
            window.level(),
            window.selection(),
            window.groupBy(),
            window.names(),
            window.byCluster(),
            window.lookBehind(),
            window.source());
    try {
      return Bucket.of(start, end, reports.report(r, RowOrder.SortBy.BYTES, null));
    } catch (NoDataException none) {
      return Bucket.empty(start, end);
    }
  }
}
