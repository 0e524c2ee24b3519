package dev.zonecost.simulate;

import dev.zonecost.traffic.DataAggregationLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate. {@code end} must lie on the scrape grid ({@link #alignDown}); the span is
 * {@code [end - hours, end]} with a sample at both ends.
 *
 * @param scenario {@code seed} (the field write-up's two workloads), {@code edge} (seed plus churn,
 *     duplicated kube-state-metrics, a node without zone, a counter reset, name collisions) or
 *     {@code large} (the benchmark's cluster: about 30 nodes, 60 Deployments, 1,500 pods)
 * @param scrapeInterval null means {@link #DEFAULT_SCRAPE_INTERVAL}
 * @param level Retina's data aggregation level; changes the series, not the expected answer. Null
 *     means {@code low}, Retina's default
 * @param nativeZones whether Retina's series carry {@code source_zone}/{@code destination_zone}
 *     (Retina ≥ 1.2)
 * @param scale multiplies the {@code large} cluster's nodes, pods and workload edges; must be 1 for
 *     the other scenarios
 */
public record SimulationSpec(
    String scenario,
    Instant end,
    int hours,
    Duration scrapeInterval,
    DataAggregationLevel level,
    boolean nativeZones,
    long seed,
    double scale) {

  public static final String SEED = "seed";
  public static final String EDGE = "edge";
  public static final String LARGE = "large";

  /** The small scenarios, checked by hand and swept by the tests. */
  public static final List<String> SCENARIOS = List.of(SEED, EDGE);

  /** Every scenario {@code simulate} accepts. */
  public static final List<String> ALL_SCENARIOS = List.of(SEED, EDGE, LARGE);

  /** The span of a {@code large} cluster when none is given. */
  public static final int DEFAULT_LARGE_HOURS = 24;

  public static final double MAX_SCALE = 16;
  public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(60);
  public static final int DEFAULT_HOURS = 2;
  public static final int MIN_HOURS = 1;
  public static final int MAX_HOURS = 168;

  /**
   * Longest scrape interval: the report's steps must stay below Prometheus' 5-minute lookback
   * (DESIGN §3), and a series must never look absent between two of its own samples.
   */
  public static final Duration MAX_SCRAPE_INTERVAL = Duration.ofMinutes(4);

  public SimulationSpec {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(end, "end");
    if (!ALL_SCENARIOS.contains(scenario)) {
      throw new IllegalArgumentException(
          "unknown scenario '" + scenario + "', expected one of " + ALL_SCENARIOS);
    }
    if (!(scale > 0 && scale <= MAX_SCALE)) {
      throw new IllegalArgumentException("scale must be above 0 and at most 16, got " + scale);
    }
    if (scale != 1 && !scenario.equals(LARGE)) {
      throw new IllegalArgumentException("only the large scenario scales, not " + scenario);
    }
    if (hours < MIN_HOURS || hours > MAX_HOURS) {
      throw new IllegalArgumentException(
          "hours must be between " + MIN_HOURS + " and " + MAX_HOURS + ", got " + hours);
    }
    scrapeInterval = scrapeInterval == null ? DEFAULT_SCRAPE_INTERVAL : scrapeInterval;
    level = level == null ? DataAggregationLevel.LOW : level;
    checkInterval(scrapeInterval);
    if (Duration.ofHours(hours).getSeconds() % scrapeInterval.getSeconds() != 0) {
      throw new IllegalArgumentException(
          "scrape interval " + scrapeInterval + " does not divide " + hours + "h evenly");
    }
    if (!alignDown(end, scrapeInterval).equals(end)) {
      throw new IllegalArgumentException(
          "end "
              + end
              + " is not a multiple of the scrape interval "
              + scrapeInterval
              + "; use SimulationSpec.alignDown");
    }
  }

  /** A spec at scale 1. */
  public SimulationSpec(
      String scenario,
      Instant end,
      int hours,
      Duration scrapeInterval,
      DataAggregationLevel level,
      boolean nativeZones,
      long seed) {
    this(scenario, end, hours, scrapeInterval, level, nativeZones, seed, 1);
  }

  /** A spec with the defaults: 2 hours, 60 s scrapes, level low, no native zones, seed 1. */
  public static SimulationSpec of(String scenario, Instant end) {
    return new SimulationSpec(
        scenario, end, DEFAULT_HOURS, DEFAULT_SCRAPE_INTERVAL, DataAggregationLevel.LOW, false, 1L);
  }

  /** Floors {@code t} to a multiple of {@code interval} since the epoch (whole seconds). */
  public static Instant alignDown(Instant t, Duration interval) {
    checkInterval(interval);
    long s = interval.getSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
  }

  public Instant start() {
    return end.minus(Duration.ofHours(hours));
  }

  /** Number of scrape intervals in the span; there are {@code steps() + 1} scrape instants. */
  public int steps() {
    return Math.toIntExact(Duration.ofHours(hours).getSeconds() / scrapeInterval.getSeconds());
  }

  private static void checkInterval(Duration interval) {
    Objects.requireNonNull(interval, "scrape interval");
    if (interval.isNegative()
        || interval.isZero()
        || interval.getNano() != 0
        || interval.compareTo(MAX_SCRAPE_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "scrape interval must be whole seconds between 1s and "
              + MAX_SCRAPE_INTERVAL.getSeconds()
              + "s, got "
              + interval);
    }
  }
}
