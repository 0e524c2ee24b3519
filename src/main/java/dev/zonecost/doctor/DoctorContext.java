package dev.zonecost.doctor;

import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.engine.ByteSources;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.promql.Scope;
import dev.zonecost.source.QuerySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every check sees: the API, the window, and the facts earlier checks found (later checks skip
 * or soften what earlier ones already failed).
 */
public final class DoctorContext {
  private final PrometheusApi api;
  private final Instant start;
  private final Instant end;
  private final int parallelism;
  private final Scope scope;

  /** Series of the Retina metric in the window; -1 until measured. */
  long forwardSeries = -1;

  /** Byte sources with data in the window (any of Retina, Beyla, Istio); -1 until measured. */
  int sourcesWithData = -1;

  /** The byte source reports read ({@code --source}): a source's name or {@code auto}. */
  String source = ByteSources.AUTO;

  /** The sources with data in the window, auto's order; set by the byte sources check. */
  List<String> sourcesFound = List.of();

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

  /** What a check that needs Retina's series measures without them. */
  static final String NO_RETINA_SERIES = "not measured: no Retina series";

  /** What a check that needs Retina's pod pairs (remote context) measures without them. */
  static final String NO_RETINA_PAIRS = "not measured: no Retina pod pairs";

  /**
   * The source a report would read: the named one, or auto's choice (Retina when it has series,
   * else the first other source with data).
   */
  String readSource() {
    if (!source.equals(ByteSources.AUTO)) {
      return source;
    }
    return sourcesFound.isEmpty() || sourcesFound.contains("retina")
        ? "retina"
        : sourcesFound.get(0);
  }

  /** Whether reports read another source than Retina: Retina's own checks then do not apply. */
  boolean readsOtherSource() {
    return !readSource().equals("retina");
  }

  /** What a Retina check measures when reports read another source. */
  String notRead() {
    return "not measured: reports read " + readSource() + " (--source " + source + ")";
  }

  /** Sets the byte source reports read ({@code --source}); returns this. */
  public DoctorContext source(String source) {
    this.source = source;
    return this;
  }

  /** Whether the Retina metric has series in the window. */
  boolean hasRetinaSeries() {
    return forwardSeries > 0;
  }

  /** Whether Retina's series name both pods of a pair. */
  boolean hasRetinaPairs() {
    return hasRetinaSeries() && remoteContext;
  }

  /** Retina's Helm default for filterMapMaxEntries (v1.2.6 values.yaml). */
  public static final int DEFAULT_FILTER_MAP_MAX_ENTRIES = 255;

  /** Sets what the user said about their Retina install; returns this. */
  public DoctorContext settings(
      int filterMapMaxEntries, dev.zonecost.accounting.DataAggregationLevel level) {
    this.filterMapMaxEntries = filterMapMaxEntries;
    this.level = level;
    return this;
  }

  /** Every cluster, the usual names. */
  public DoctorContext(PrometheusApi api, Instant start, Instant end, int parallelism) {
    this(api, start, end, parallelism, Scope.ALL);
  }

  /**
   * @param scope the user's names and the one cluster to check: every check builds its queries in
   *     it, and the engine the attribution checks run reads it
   */
  public DoctorContext(
      PrometheusApi api, Instant start, Instant end, int parallelism, Scope scope) {
    this.api = api;
    this.start = start;
    this.end = end;
    this.parallelism = parallelism;
    this.scope = scope;
  }

  public Scope scope() {
    return scope;
  }

  /**
   * The names the answers of {@link #query} carry: the user's, but the zone label under the name
   * the checks read ({@link LabelNames#ZONE_LABEL}).
   */
  public MetricNames answerNames() {
    MetricNames n = scope.names();
    return new MetricNames(n.forwardBytes(), LabelNames.ZONE_LABEL, n.clusterLabel());
  }

  /** What a report with {@code --dedupe auto} at the doctor's level would ask of the engine. */
  public EngineRequest engineRequest(GroupBy groupBy) {
    return new EngineRequest(
        start,
        end,
        DedupeMode.AUTO,
        level,
        new Selection(null, null, null, null, null, null, null, null, scope.cluster()),
        groupBy,
        scope.names(),
        false,
        QuerySettings.DEFAULT_LOOK_BEHIND,
        source);
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

  /**
   * Instant query at the window's end. The answers name the zone label as the checks read it
   * ({@link LabelNames#ZONE_LABEL}), whatever the user's set-up calls it.
   */
  public List<Series> query(String promql) {
    List<Series> answer = api.query(promql, end).series();
    String zone = scope.zoneLabel();
    if (zone.equals(LabelNames.ZONE_LABEL)) {
      return answer;
    }
    List<Series> out = new ArrayList<>(answer.size());
    for (Series s : answer) {
      if (s.labels().containsKey(zone)) {
        Map<String, String> labels = new HashMap<>(s.labels());
        labels.put(LabelNames.ZONE_LABEL, labels.remove(zone));
        s = new Series(labels, s.samples());
      }
      out.add(s);
    }
    return out;
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
