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
}
