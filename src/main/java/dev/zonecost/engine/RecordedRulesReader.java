package dev.zonecost.engine;

import static dev.zonecost.monitoring.RecordedQueries.newestRollup;
import static dev.zonecost.monitoring.RecordedQueries.query;
import static dev.zonecost.monitoring.RecordedQueries.rollupAt;
import static dev.zonecost.monitoring.RecordedQueries.series;

import dev.zonecost.accounting.Selection;
import dev.zonecost.monitoring.Expressions;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.QueryResult;
import dev.zonecost.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a window from {@code zonecost rules}' recorded series ({@code report
 * --use-recording-rules}).
 */
public final class RecordedRulesReader {
  private RecordedRulesReader() {}

  /** The queries one window took, and the series they answered with. */
  public record Answer(List<String> queries, List<Series> series, List<String> warnings) {}

  /**
   * Reads the window (start, end]: the hourly roll-up for its whole hours where the rules have one
   * (one sample an hour), the per-interval series for the edges before and after them, or for the
   * whole window when there is no roll-up. After the newest roll-up sample is known, the roll-up's
   * hours, its sample count and the two edges are asked at once.
   */
  public static Answer read(
      PrometheusApi api,
      dev.zonecost.engine.EngineRequest request,
      Duration interval,
      boolean leftOpen,
      int parallelism) {
    Selection sel = request.selection();
    String pairs = series(interval);
    String rollup = pairs + Expressions.ROLLUP_SUFFIX;
    Instant start = request.start();
    Instant end = request.end();
    List<String> queries = Collections.synchronizedList(new ArrayList<>());
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    Instant b = end;
    long hours = 0;
    if (Duration.between(start, end).compareTo(Duration.ofHours(2)) >= 0) {
      List<Series> newest = collect(api, newestRollup(sel, rollup), end, queries, warnings);
      double t = newest.isEmpty() ? Double.NaN : newest.get(0).samples().get(0).value();
      if (Double.isFinite(t)) {
        b = Instant.ofEpochMilli(Math.round(t * 1000));
        hours = Duration.between(start, b).toHours();
      }
    }
    if (hours <= 0) {
      List<Series> all =
          collect(
              api,
              query(sel, pairs, Duration.between(start, end), end, leftOpen),
              end,
              queries,
              warnings);
      return new Answer(List.copyOf(queries), all, List.copyOf(warnings));
    }
    Instant hi = b;
    Instant lo = b.minus(Duration.ofHours(hours));
    Duration span = Duration.ofHours(hours);
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(4, parallelism)), TrafficEngine::daemon);
    try {
      var first =
          TrafficEngine.async(
              pool,
              () ->
                  collect(
                      api,
                      rollupAt(sel, rollup, lo.plus(Duration.ofHours(1)), leftOpen),
                      end,
                      queries,
                      warnings));
      var whole =
          TrafficEngine.async(
              pool,
              () -> collect(api, query(sel, rollup, span, hi, leftOpen), end, queries, warnings));
      var left =
          TrafficEngine.async(
              pool, () -> edge(api, sel, pairs, start, lo, leftOpen, queries, warnings));
      var right =
          TrafficEngine.async(
              pool, () -> edge(api, sel, pairs, hi, end, leftOpen, queries, warnings));
      List<Series> f = TrafficEngine.join(first);
      List<Series> out = new ArrayList<>();
      if (!f.isEmpty() && f.get(0).samples().get(0).value() >= 1) {
        out.addAll(TrafficEngine.join(whole));
        out.addAll(TrafficEngine.join(left));
        out.addAll(TrafficEngine.join(right));
      } else {
        // The roll-up began inside the window: read it per interval instead.
        out.addAll(edge(api, sel, pairs, start, end, leftOpen, queries, warnings));
      }
      return new Answer(List.copyOf(queries), out, List.copyOf(warnings));
    } finally {
      pool.shutdownNow();
    }
  }

  /** The per-interval samples in (from, to], none when the span is empty. */
  private static List<Series> edge(
      PrometheusApi api,
      Selection sel,
      String pairs,
      Instant from,
      Instant to,
      boolean leftOpen,
      List<String> queries,
      List<String> warnings) {
    if (!to.isAfter(from)) {
      return List.of();
    }
    return collect(
        api, query(sel, pairs, Duration.between(from, to), to, leftOpen), to, queries, warnings);
  }

  private static List<Series> collect(
      PrometheusApi api, String q, Instant at, List<String> queries, List<String> warnings) {
    queries.add(q);
    QueryResult r = api.query(q, at);
    warnings.addAll(r.info().warnings());
    return r.series();
  }
}
