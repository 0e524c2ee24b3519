package dev.zonecost.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every Service's ready endpoints per zone, step by step over the window's grid: step 0 is the
 * interval {@code (start, firstEnd]}, step {@code i} the interval that ends {@code i} steps later,
 * each read at its end (the grid points are multiples of the step, as subqueries align them).
 *
 * @param start the window's start
 * @param firstEnd the first grid point after the window's start
 * @param step the grid's step
 * @param steps the number of steps in the window
 * @param ready per Service ({@code namespace/service}) and zone ("" for endpoints without a zone),
 *     the ready endpoints of each step; a step that kube-state-metrics did not report (a scrape
 *     outage) holds the nearest reported step before it, else after it
 * @param reported the steps in which kube-state-metrics exported any ready endpoint
 * @param readyByNode the same per Service and node ("" for endpoints without a node name), for
 *     {@code PreferSameNode}: empty when not read
 */
public record EndpointTimeline(
    Instant start,
    Instant firstEnd,
    Duration step,
    int steps,
    Map<String, Map<String, int[]>> ready,
    BitSet reported,
    Map<String, Map<String, int[]>> readyByNode) {

  /** Without the endpoints' nodes. */
  public EndpointTimeline(
      Instant start,
      Instant firstEnd,
      Duration step,
      int steps,
      Map<String, Map<String, int[]>> ready,
      BitSet reported) {
    this(start, firstEnd, step, steps, ready, reported, Map.of());
  }

  /** No timeline: the window read as one whole. */
  public static EndpointTimeline none(Instant start, Instant end) {
    return new EndpointTimeline(
        start, end, Duration.between(start, end), 0, Map.of(), new BitSet());
  }

  public boolean isEmpty() {
    return steps == 0 || reported.isEmpty();
  }

  /** The instant step {@code i} begins at. */
  public Instant stepStart(int i) {
    return i == 0 ? start : firstEnd.plus(step.multipliedBy(i - 1));
  }

  /** The grid point step {@code i} ends at. */
  public Instant stepEnd(int i) {
    return firstEnd.plus(step.multipliedBy(i));
  }

  /** The grid point after {@code t}: a multiple of {@code step} since the epoch. */
  public static Instant firstEnd(Instant t, Duration step) {
    long ms = step.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms + ms);
  }

  /** Per zone, the Service's ready endpoints at step {@code i} (zones with none left out). */
  public Map<String, Integer> at(String service, int i) {
    return at(ready, service, i);
  }

  /** Per node ("" without one), the Service's ready endpoints at step {@code i}. */
  public Map<String, Integer> nodesAt(String service, int i) {
    return at(readyByNode, service, i);
  }

  private static Map<String, Integer> at(
      Map<String, Map<String, int[]>> perPlace, String service, int i) {
    Map<String, Integer> out = new TreeMap<>();
    perPlace
        .getOrDefault(service, Map.of())
        .forEach(
            (z, counts) -> {
              if (counts[i] > 0) {
                out.put(z, counts[i]);
              }
            });
    return out;
  }

  /** Per Service and zone, the ready endpoints averaged over the reported steps. */
  public Map<String, Map<String, Double>> averages() {
    return overReported(c -> c);
  }

  /** Per Service and zone, the share of the reported steps with a ready endpoint there. */
  public Map<String, Map<String, Double>> coverage() {
    return overReported(c -> c > 0 ? 1 : 0);
  }

  /** Per Service and zone, the mean over the reported steps of {@code f} of the ready count. */
  private Map<String, Map<String, Double>> overReported(java.util.function.IntToDoubleFunction f) {
    Map<String, Map<String, Double>> out = new TreeMap<>();
    int n = reported.cardinality();
    ready.forEach(
        (svc, zones) ->
            zones.forEach(
                (z, counts) -> {
                  double sum = 0;
                  for (int i = reported.nextSetBit(0); i >= 0; i = reported.nextSetBit(i + 1)) {
                    sum += f.applyAsDouble(counts[i]);
                  }
                  out.computeIfAbsent(svc, k -> new TreeMap<>()).put(z, n == 0 ? 0 : sum / n);
                }));
    return out;
  }
}
