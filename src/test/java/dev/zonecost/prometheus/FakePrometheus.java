package dev.zonecost.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tests' Prometheus: answers each PromQL string exactly as stubbed, any other with an empty
 * vector, and {@link #assertEveryStubAsked} fails a test whose stubs were never asked for (a stub
 * that no query matches means the test no longer tests what it says).
 */
public class FakePrometheus implements PrometheusApi {
  private final Map<String, List<Series>> answers = new LinkedHashMap<>();
  private final Set<String> unasked = new LinkedHashSet<>();
  public final List<String> asked = new ArrayList<>();
  public Optional<String> version = Optional.of("2.42.0");

  public FakePrometheus number(String promql, double value) {
    return series(promql, List.of(series(Map.of(), value)));
  }

  public FakePrometheus series(String promql, List<Series> series) {
    answers.put(promql, series);
    unasked.add(promql);
    return this;
  }

  public void assertEveryStubAsked() {
    if (!unasked.isEmpty()) {
      throw new AssertionError("stubbed but never asked: " + unasked + "\nasked: " + asked);
    }
  }

  public static Series series(Map<String, String> labels, double value) {
    return new Series(labels, List.of(new Sample(0, value)));
  }

  @Override
  public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
    asked.add(promql);
    unasked.remove(promql);
    answers.getOrDefault(promql, List.of()).forEach(sink);
    return new ResultInfo("vector", List.of(), List.of());
  }

  @Override
  public Optional<String> version() {
    return version;
  }
}
