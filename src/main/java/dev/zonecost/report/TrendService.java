package dev.zonecost.report;

import dev.zonecost.common.NoDataException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.EngineRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code report --every}: the whole window's report, and one report per aligned bucket, each its
 * own request set (so each is exact by DESIGN §3). The buckets are one engine run: they share its
 * pool, and however many buckets there are, no more queries are in flight than its parallelism.
 */
public final class TrendService {
  private final ReportService reports;

  public TrendService(ReportService reports) {
    this.reports = reports;
  }

  /** The buckets of the window {@code request} asks for; a bucket without traffic is empty. */
  public List<Bucket> buckets(EngineRequest request, Duration every) {
    List<Instant[]> edges = BucketEdges.cut(request.start(), request.end(), every);
    try (EngineRun run = reports.newRun()) {
      List<Supplier<Bucket>> work = new ArrayList<>();
      for (Instant[] e : edges) {
        work.add(() -> bucket(request, e[0], e[1], run));
      }
      return List.copyOf(run.all(work));
    }
  }

  private Bucket bucket(EngineRequest window, Instant start, Instant end, EngineRun run) {
    EngineRequest r = window.withWindow(start, end);
    try {
      return Bucket.of(start, end, reports.report(r, RowOrder.SortBy.BYTES, null, run));
    } catch (NoDataException none) {
      return Bucket.empty(start, end);
    }
  }
}
