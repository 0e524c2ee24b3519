package dev.zonecost.engine;

import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.WindowBytes;
import dev.zonecost.accounting.WindowBytes.Segment;
import dev.zonecost.prometheus.BackendException;
import dev.zonecost.prometheus.Labels;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.QueryPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The raw samples of the series with a counter reset, read in time chunks of at most {@code chunk}
 * in parallel and summed by the definition ({@link WindowBytes}).
 */
final class ResetReads {
  private final PrometheusApi api;
  private final Duration chunk;
  private final Progress progress;

  ResetReads(PrometheusApi api, Duration chunk, Progress progress) {
    this.api = api;
    this.chunk = chunk;
    this.progress = progress;
  }

  /** A series' samples (timestamp order) fed to the window definition for [start, end]. */
  static WindowBytes.Samples inWindow(List<Sample> samples, long start, long end) {
    WindowBytes.Samples w = new WindowBytes.Samples(start, end);
    for (Sample s : samples) {
      w.add(s.timestampMillis(), s.value());
    }
    return w;
  }

  /**
   * Reads the raw samples of the given series (id → labels) over the whole window, selected by
   * their own labels ({@link SeriesCover}), and sums them by the definition. Other series the
   * matchers select come back too and are ignored.
   */
  void add(
      QueryPlan plan,
      String role,
      ByteSource source,
      Map<Labels, Map<String, String>> wanted,
      SeriesCover census,
      Births births,
      TrafficAggregator aggregator,
      List<LabelledQuery> sent,
      List<String> warnings,
      ExecutorService pool) {
    List<List<String>> cover = census.of(wanted.values());
    long start = plan.settings().start().toEpochMilli();
    long end = plan.settings().end().toEpochMilli();
    List<TimeChunk> chunks = TimeChunk.tile(plan.settings().start(), plan.settings().end(), chunk);
    sent.add(
        new LabelledQuery(
            QueryPlan.RAW_SAMPLES_LABEL
                + (chunks.size() > 1 ? ", in " + chunks.size() + " time chunks" : "")
                + (cover.size() > 1 ? ", " + cover.size() + " batches each" : ""),
            plan.rawSamplesOf(cover.get(0), chunks.get(0).length())));
    AtomicInteger done = new AtomicInteger();
    List<CompletableFuture<Map<Labels, Segment>>> futures = new ArrayList<>();
    for (TimeChunk c : chunks) {
      futures.add(
          TrafficEngine.async(
              pool,
              () -> {
                Map<Labels, Segment> segments = new HashMap<>();
                for (List<String> m : cover) {
                  var info =
                      api.query(
                          plan.rawSamplesOf(m, c.length()),
                          c.end(),
                          s -> {
                            Labels id = TrafficEngine.identity(s.labels());
                            if (wanted.containsKey(id)) {
                              segments.put(id, inWindow(s.samples(), start, end).segment());
                            }
                          });
                  warnings.addAll(info.warnings());
                }
                progress.chunkDone(done.incrementAndGet(), chunks.size());
                return segments;
              }));
    }
    Map<Labels, Segment> joined = new HashMap<>();
    for (CompletableFuture<Map<Labels, Segment>> f : futures) {
      // in time order, so each series' chunks are joined oldest first
      TrafficEngine.join(f).forEach((id, seg) -> joined.merge(id, seg, Segment::then));
    }
    wanted.forEach(
        (id, labels) -> {
          Segment seg = joined.get(id);
          if (seg == null) {
            throw new BackendException(
                "a series with counter resets was missing from the raw-sample answer; the data"
                    + " changed while zonecost read it — run the report again");
          }
          TrafficEngine.add(
              aggregator,
              source.observation(
                  role,
                  labels,
                  plan.settings().names().clusterLabel(),
                  seg.bytes(births.born(id, labels))));
        });
  }
}
