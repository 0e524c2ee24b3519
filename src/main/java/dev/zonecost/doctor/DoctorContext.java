package dev.zonecost.doctor;

import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.PromqlStrings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What every check sees: the API, the window, and the facts earlier checks found (later checks skip
 * or soften what earlier ones already failed).
 */
public final class DoctorContext {
  private final PrometheusApi api;
  private final Instant start;
  private final Instant end;
  private final int parallelism;

  /** Series of the Retina metric in the window; -1 until measured. */
  long forwardSeries = -1;

  /** Byte sources with data in the window (any of Retina, Beyla, Istio); -1 until measured. */
  int sourcesWithData = -1;

  /** Whether Retina series carry source_podname and destination_podname. */
  boolean remoteContext;

  /** Whether Retina's own source_zone/destination_zone labels are present and known. */
  boolean nativeZones;

  /** Whether kube_node_labels gives at least one node a zone. */
  boolean nodeZones;

  /** Direction values as they appear (case kept). */
  List<String> directions = List.of();

  /** Where {@code auto}'s bytes came from, set by the attribution check. */
  TrafficAggregator.Provenance provenance;

  /** Retina's filterMapMaxEntries as the user set it (Helm default 255). */
  int filterMapMaxEntries = DEFAULT_FILTER_MAP_MAX_ENTRIES;

  /** The level a report would divide by (--data-aggregation-level). */
  dev.zonecost.accounting.DataAggregationLevel level =
      dev.zonecost.accounting.DataAggregationLevel.LOW;

  /** Retina's Helm default for filterMapMaxEntries (v1.2.6 values.yaml). */
  public static final int DEFAULT_FILTER_MAP_MAX_ENTRIES = 255;

  /** Sets what the user said about their Retina install; returns this. */
  public DoctorContext settings(
      int filterMapMaxEntries, dev.zonecost.accounting.DataAggregationLevel level) {
    this.filterMapMaxEntries = filterMapMaxEntries;
    this.level = level;
    return this;
  }

  public DoctorContext(PrometheusApi api, Instant start, Instant end, int parallelism) {
    this.api = api;
    this.start = start;
    this.end = end;
    this.parallelism = parallelism;
  }

  public PrometheusApi api() {
    return api;
  }

  public Instant start() {
    return start;
  }

  public Instant end() {
    return end;
  }

  public int parallelism() {
    return parallelism;
  }

  /** The window as a PromQL range, e.g. {@code 3600s}. */
  public String range() {
    return PromqlStrings.duration(Duration.between(start, end));
  }

  /** Instant query at the window's end. */
  public List<Series> query(String promql) {
    return api.query(promql, end).series();
  }

  /** The value of a single-number answer (a {@code count(...)}), 0 when the answer is empty. */
  public long number(String promql) {
    List<Series> s = query(promql);
    if (s.isEmpty() || s.get(0).samples().isEmpty()) {
      return 0;
    }
    double v = s.get(0).samples().get(0).value();
    return Double.isNaN(v) ? 0 : Math.round(v);
  }
}
