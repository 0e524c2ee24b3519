package dev.zonecost.engine;

import java.time.Duration;

/**
 * How the engine reads: queries in flight at once, the longest stretch of raw samples per request,
 * and whom to tell about progress.
 */
public record EngineSettings(
    int parallelism, Duration chunk, Progress progress, RangeSemantics ranges) {
  public static EngineSettings of(int parallelism) {
    return new EngineSettings(
        parallelism, TrafficEngine.DEFAULT_CHUNK, Progress.NONE, RangeSemantics.AUTO);
  }

  public TrafficEngine engine(dev.zonecost.prometheus.PrometheusApi api) {
    return new TrafficEngine(api, parallelism, chunk, progress, ranges);
  }

  /** An engine that shares {@code run}'s pool and bound with its other engines. */
  public TrafficEngine engine(dev.zonecost.prometheus.PrometheusApi api, EngineRun run) {
    return new TrafficEngine(api, run, chunk, progress, ranges);
  }

  /** A run of several engines (a trend's buckets) that together keep to {@code parallelism}. */
  public EngineRun newRun() {
    return new EngineRun(parallelism);
  }
}
