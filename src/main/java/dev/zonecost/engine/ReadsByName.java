package dev.zonecost.engine;

import dev.zonecost.prometheus.BackendException;
import dev.zonecost.prometheus.Labels;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.promql.LabelledQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * One instant value per wanted series, read with the matchers of a {@link SeriesCover} in parallel
 * batches: what the edge reads could not give (a series that ended early, a gap across the start).
 */
final class ReadsByName {
  private ReadsByName() {}

  /**
   * Starts the reads; the future holds each wanted series' value and fails when one is missing (the
   * data changed while it was read).
   */
  static CompletableFuture<Map<Labels, Double>> start(
      PrometheusApi api,
      ExecutorService pool,
      Function<List<String>, String> query,
      Instant at,
      Map<Labels, Map<String, String>> wanted,
      SeriesCover census,
      String label,
      List<LabelledQuery> sent,
      List<String> warnings) {
    if (wanted.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    List<List<String>> cover = census.of(wanted.values());
    sent.add(
        new LabelledQuery(
            label + (cover.size() > 1 ? ", in " + cover.size() + " batches" : ""),
            query.apply(cover.get(0))));
    List<CompletableFuture<Map<Labels, Double>>> parts = new ArrayList<>();
    for (List<String> m : cover) {
      parts.add(
          TrafficEngine.async(
              pool,
              () -> {
                Map<Labels, Double> found = new HashMap<>();
                var info =
                    api.query(
                        query.apply(m),
                        at,
                        s -> {
                          Labels id = TrafficEngine.identity(s.labels());
                          if (wanted.containsKey(id)) {
                            found.put(id, s.samples().get(0).value());
                          }
                        });
                warnings.addAll(info.warnings());
                return found;
              }));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              Map<Labels, Double> all = new HashMap<>();
              parts.forEach(p -> all.putAll(p.join()));
              if (!all.keySet().containsAll(wanted.keySet())) {
                throw new BackendException(
                    "a series was missing from a read by name; the data changed while zonecost"
                        + " read it — run the report again");
              }
              return all;
            });
  }
}
