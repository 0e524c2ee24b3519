package dev.zonecost.prometheus;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The part of the Prometheus HTTP API zonecost uses. Every method throws a {@link BackendException}
 * subclass on failure. The streaming variants hand each series to the sink as soon as it is
 * decoded, so memory grows with one series, not with the response.
 */
public interface PrometheusApi {
  ResultInfo query(String promql, Instant time, Consumer<Series> sink);

  /** The server's version from {@code /api/v1/status/buildinfo}, or empty when not served. */
  java.util.Optional<String> version();

  default QueryResult query(String promql, Instant time) {
    var list = new java.util.ArrayList<Series>();
    ResultInfo info = query(promql, time, list::add);
    return new QueryResult(info, list);
  }
}
