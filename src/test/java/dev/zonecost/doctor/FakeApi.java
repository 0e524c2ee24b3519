package dev.zonecost.doctor;

import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Answers exact PromQL strings with canned series; anything else is an empty vector. */
class FakeApi implements PrometheusApi {
  final Map<String, List<Series>> answers = new LinkedHashMap<>();
  final List<String> asked = new ArrayList<>();
  Optional<String> version = Optional.of("2.42.0");

  FakeApi number(String promql, double value) {
    answers.put(promql, List.of(series(Map.of(), value)));
    return this;
  }

  FakeApi series(String promql, List<Series> series) {
    answers.put(promql, series);
    return this;
  }

  static Series series(Map<String, String> labels, double value) {
    return new Series(labels, List.of(new Sample(0, value)));
  }

  @Override
  public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
    asked.add(promql);
    answers.getOrDefault(promql, List.of()).forEach(sink);
    return new ResultInfo("vector", List.of(), List.of());
  }

  @Override
  public ResultInfo queryRange(
      String promql, Instant start, Instant end, Duration step, Consumer<Series> sink) {
    throw new UnsupportedOperationException(promql);
  }

  @Override
  public Optional<String> version() {
    return version;
  }
}
