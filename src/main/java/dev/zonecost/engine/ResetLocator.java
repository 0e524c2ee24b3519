package dev.zonecost.engine;

import dev.zonecost.prometheus.BackendException;
import dev.zonecost.prometheus.Labels;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.source.QueryPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Finds each reset of the series with one without reading their whole window: a subquery of {@code
 * resets} over short overlapping ranges names the steps with a reset, then the raw samples of just
 * those ranges show the two samples around it. A series' window bytes are then {@code last − first
 * + Σ value before each reset} (DESIGN §3's sum, regrouped), exact when every reset the census
 * counted was found; the caller reads the rest sample by sample.
 */
final class ResetLocator {
  /** The shortest step; samples further apart than the step are not paired by any range. */
  static final Duration MIN_STEP = Duration.ofMinutes(5);

  /** Beyond this many range reads the located resets are not worth it: read the window. */
  static final int MAX_READS = 64;

  /** The resets found in one series: the value before each, by the timestamp after it. */
  record Drops(TreeMap<Long, Double> before) {
    int count() {
      return before.size();
    }

    double sumBefore() {
      return before.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The timestamp of the first sample after a reset, or {@code Long.MAX_VALUE}. */
    long firstAfterTs() {
      return before.isEmpty() ? Long.MAX_VALUE : before.firstKey();
    }
  }

  private final PrometheusApi api;

  ResetLocator(PrometheusApi api) {
    this.api = api;
  }

  static Duration step(Duration window) {
    Duration byPoints = window.dividedBy(10_000);
    return byPoints.compareTo(MIN_STEP) > 0 ? byPoints : MIN_STEP;
  }

  /**
   * The drops found per series id among {@code resetSeries} (id → labels); series whose resets
   * could not be located are absent, and so is everything when the server refuses the subquery.
   * Sends the first round before it returns and the second as the first is answered, so the caller
   * can send other reads meanwhile; the queries go to {@code sent} as they are sent, so the caller
   * hands a list of the locator's own and reads it once the future is done.
   */
  CompletableFuture<Map<Labels, Drops>> locate(
      QueryPlan plan,
      Map<Labels, Map<String, String>> resetSeries,
      SeriesCover census,
      ExecutorService pool,
      List<LabelledQuery> sent,
      List<String> warnings) {
    if (resetSeries.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    Duration step = step(plan.settings().window());
    Instant at = plan.settings().end().plus(step);
    List<List<String>> cover = census.of(resetSeries.values());
    sent.add(
        new LabelledQuery(
            QueryPlan.RESET_STEPS_LABEL + batches(cover.size()),
            plan.resetSteps(cover.get(0), step)));
    List<CompletableFuture<List<Series>>> steps = new ArrayList<>();
    for (List<String> m : cover) {
      steps.add(
          TrafficEngine.async(
              pool,
              () -> {
                var r = api.query(plan.resetSteps(m, step), at);
                warnings.addAll(r.info().warnings());
                return r.series();
              }));
    }
    return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
        .handle((v, failure) -> failure)
        .thenCompose(
            failure -> {
              if (failure != null) {
                if (TrafficEngine.cause(failure) instanceof BackendException) {
                  // a server that refuses the subquery (a sample limit): the caller reads the
                  // window instead
                  return CompletableFuture.completedFuture(Map.of());
                }
                return CompletableFuture.failedFuture(failure);
              }
              Map<Long, List<Labels>> idsAtStep = new TreeMap<>();
              for (CompletableFuture<List<Series>> f : steps) {
                for (Series s : f.join()) {
                  Labels id = TrafficEngine.identity(s.labels());
                  if (resetSeries.containsKey(id)) {
                    for (Sample p : s.samples()) {
                      idsAtStep
                          .computeIfAbsent(p.timestampMillis(), t -> new ArrayList<>())
                          .add(id);
                    }
                  }
                }
              }
              return readAround(plan, resetSeries, census, pool, sent, warnings, idsAtStep, step);
            });
  }

  /** The second round: the raw samples around each step with a reset. */
  private CompletableFuture<Map<Labels, Drops>> readAround(
      QueryPlan plan,
      Map<Labels, Map<String, String>> resetSeries,
      SeriesCover census,
      ExecutorService pool,
      List<LabelledQuery> sent,
      List<String> warnings,
      Map<Long, List<Labels>> idsAtStep,
      Duration step) {
    Map<Long, List<List<String>>> reads = new TreeMap<>();
    int count = 0;
    for (Map.Entry<Long, List<Labels>> e : idsAtStep.entrySet()) {
      List<Map<String, String>> labels = new ArrayList<>();
      e.getValue().forEach(id -> labels.add(resetSeries.get(id)));
      List<List<String>> c = census.of(labels);
      reads.put(e.getKey(), c);
      count += c.size();
    }
    if (count > MAX_READS) {
      return CompletableFuture.completedFuture(Map.of());
    }
    if (count > 0) {
      var first = reads.entrySet().iterator().next();
      sent.add(
          new LabelledQuery(
              QueryPlan.RESET_SAMPLES_LABEL + (count > 1 ? ", in " + count + " reads" : ""),
              plan.rawSamplesOf(first.getValue().get(0), step.multipliedBy(2))));
    }
    long start = plan.settings().start().toEpochMilli();
    long end = plan.settings().end().toEpochMilli();
    List<CompletableFuture<Map<Labels, TreeMap<Long, Double>>>> futures = new ArrayList<>();
    reads.forEach(
        (t, batches) -> {
          for (List<String> m : batches) {
            futures.add(
                TrafficEngine.async(
                    pool,
                    () -> {
                      Map<Labels, TreeMap<Long, Double>> found = new HashMap<>();
                      var info =
                          api.query(
                              plan.rawSamplesOf(m, step.multipliedBy(2)),
                              Instant.ofEpochMilli(t),
                              s -> {
                                Labels id = TrafficEngine.identity(s.labels());
                                if (resetSeries.containsKey(id)) {
                                  found.put(id, drops(s.samples(), start, end));
                                }
                              });
                      warnings.addAll(info.warnings());
                      return found;
                    }));
          }
        });
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              Map<Labels, Drops> out = new HashMap<>();
              for (var f : futures) {
                f.join()
                    .forEach(
                        (id, d) ->
                            out.computeIfAbsent(id, k -> new Drops(new TreeMap<>()))
                                .before()
                                .putAll(d));
              }
              return out;
            });
  }

  private static String batches(int n) {
    return n > 1 ? ", in " + n + " batches" : "";
  }

  /**
   * The resets among consecutive samples (timestamp order) that both lie in [start, end]: the value
   * before each, keyed by the timestamp of the sample after it ({@link
   * dev.zonecost.accounting.WindowBytes}'s reset sum).
   */
  static TreeMap<Long, Double> drops(List<Sample> samples, long start, long end) {
    return ResetReads.inWindow(samples, start, end).drops();
  }
}
