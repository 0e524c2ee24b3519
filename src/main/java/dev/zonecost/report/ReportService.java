package dev.zonecost.report;

import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.common.NoDataException;
import dev.zonecost.common.UsageException;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.EngineResult;
import dev.zonecost.engine.EngineRun;
import dev.zonecost.engine.EngineSettings;
import dev.zonecost.engine.KubeJoin;
import dev.zonecost.engine.RecordedRulesReader;
import dev.zonecost.engine.SeriesValidator;
import dev.zonecost.monitoring.RecordedQueries;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.source.retina.GrafanaQuery;
import dev.zonecost.time.TimeParsing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report use case: run the engine over a window and build the model every renderer prints. */
public final class ReportService {
  private final PrometheusApi api;
  private final EngineSettings engine;
  private final String toolVersion;
  private final CostEstimator prices;

  public ReportService(
      PrometheusApi api, int parallelism, String toolVersion, CostEstimator prices) {
    this(api, EngineSettings.of(parallelism), toolVersion, prices);
  }

  public ReportService(
      PrometheusApi api, EngineSettings engine, String toolVersion, CostEstimator prices) {
    this.api = api;
    this.engine = engine;
    this.toolVersion = toolVersion;
    this.prices = prices;
  }

  public Report report(EngineRequest request) {
    return report(request, RowOrder.SortBy.BYTES, null);
  }

  /**
   * {@code report --use-recording-rules}: the rows from the series {@code zonecost rules --interval
   * interval} records, one query however long the window.
   */
  public Report recorded(
      EngineRequest request, Duration interval, RowOrder.SortBy sortBy, Integer top) {
    RecordedRules.refuseUnsupported(request); // before anything is sent
    Optional<String> version = api.version();
    boolean leftOpen = engine.ranges().leftOpen(version);
    RecordedRulesReader.Answer answer =
        RecordedRulesReader.read(
            new SeriesValidator(api, request.names()),
            request,
            interval,
            leftOpen,
            engine.parallelism());
    List<TrafficRow> rows = RecordedRules.rows(answer.series(), request.selection());
    if (rows.isEmpty()) {
      throw new NoDataException(
          "no bytes in "
              + RecordedQueries.series(interval)
              + " in "
              + request.start()
              + " .. "
              + request.end()
              + ": load the rules of `zonecost rules --interval "
              + TimeParsing.format(interval)
              + "` into Prometheus (they record from the moment they are loaded), or report"
              + " without --use-recording-rules");
    }
    EngineResult result =
        new EngineResult(
            rows,
            new TrafficAggregator.Stats(answer.series().size(), 0, 0, 0, 0, 0, 0, 0, 0, null),
            0,
            version.orElse(""),
            leftOpen,
            answer.queries().stream()
                .map(q -> new LabelledQuery("recorded bytes per workload and zone pair", q))
                .toList(),
            answer.warnings(),
            WindowEdges.unclipped(request.start()),
            Map.of(),
            null,
            "retina",
            List.of());
    return ReportBuilder.buildRecorded(
        request,
        result,
        interval,
        GrafanaQuery.caveats(request.level(), request.dedupe()),
        toolVersion,
        prices,
        sortBy,
        top);
  }

  /** The Deployments' rollouts inside the request's window (for {@code --compare-to}). */
  public List<Rollout> rollouts(EngineRequest request) {
    return RolloutReader.read(new SeriesValidator(api, request.names()), request);
  }

  /** Most raw-sample requests one report may need: beyond, the options are a mistake. */
  public static final long MAX_CHUNKS = 10_000;

  /**
   * Raw samples are read in chunks of {@code --max-points × --scrape-interval}; a tiny chunk would
   * send millions of requests, so it is refused before anything is sent.
   */
  private void requireBoundedChunks(EngineRequest request) {
    Duration span = Duration.between(request.start(), request.end());
    long chunkMillis = Math.max(1, engine.chunk().toMillis());
    long chunks = (span.toMillis() + chunkMillis - 1) / chunkMillis;
    if (chunks > MAX_CHUNKS) {
      throw new UsageException(
          "--max-points × --scrape-interval reads "
              + TimeParsing.format(engine.chunk())
              + " of raw samples per request: this window could need "
              + chunks
              + " requests (at most "
              + MAX_CHUNKS
              + "); raise --max-points or --scrape-interval");
    }
  }

  /** The report with its rows ordered by {@code sortBy}, past {@code top} folded into others. */
  public Report report(EngineRequest request, RowOrder.SortBy sortBy, Integer top) {
    return report(request, sortBy, top, null);
  }

  /** A run that several reports share (a trend's buckets), keeping to one parallelism. */
  public EngineRun newRun() {
    return engine.newRun();
  }

  /**
   * The report as one engine of {@code run}, sharing its pool and bound on queries in flight with
   * the run's other reports; null: a run of its own.
   */
  public Report report(EngineRequest request, RowOrder.SortBy sortBy, Integer top, EngineRun run) {
    requireBoundedChunks(request);
    // Malformed answers (series twice, NaN, a node in two zones) are refused, never counted.
    SeriesValidator validated = new SeriesValidator(api, request.names());
    EngineResult result =
        (run == null ? engine.engine(validated) : engine.engine(validated, run)).run(request);
    if (result.rows().isEmpty()) {
      if (!result.byteSource().equals("retina")) {
        throw new NoDataException(
            "no "
                + result.byteSource()
                + " traffic matched in "
                + request.start()
                + " .. "
                + request.end()
                + result.sourceNotes().stream()
                    .filter(n -> n.startsWith(EngineResult.SET_UP_NOTE))
                    .map(n -> ": " + n.substring(EngineResult.SET_UP_NOTE.length()))
                    .findFirst()
                    .orElse(
                        " — check the window, the namespace selection and the source's set-up"
                            + " (README, \"Other byte sources\")"));
      }
      throw NoMatch.explain(
          request,
          result,
          r -> (run == null ? engine.engine(validated) : engine.engine(validated, run)).run(r));
    }
    refuseUnjoined(request, result);
    return ReportBuilder.build(request, result, toolVersion, prices, sortBy, top);
  }

  /**
   * kube-state-metrics names pods, yet not one end of the rows got a zone: every byte would be
   * unknown-zone, which is a broken join, not a measurement (exit 5, one line with the cause).
   */
  static void refuseUnjoined(EngineRequest request, EngineResult result) {
    KubeJoin kube = result.kube();
    TrafficAggregator.Stats st = result.stats();
    if (kube.pods() == 0
        || st.endpointsZonedByRetina() > 0
        || st.endpointsZonedByKubeStateMetrics() > 0
        || st.endpointsWithoutZone() == 0) {
      return;
    }
    String cause =
        kube.zonedNodes() == 0
            ? "no node has a zone: kube_node_labels carries neither "
                + request.names().zoneLabel()
                + " nor the legacy zone label — add topology.kubernetes.io/zone to"
                + " kube-state-metrics' --metric-labels-allowlist (nodes=[...]); `zonecost doctor`"
                + " checks it"
            : "none of the pods in the traffic joins kube-state-metrics' "
                + kube.pods()
                + " pods by namespace, pod and IP — are kube_pod_info's namespace and pod labels"
                + " the pods' own (a scrape without honor_labels renames them; set honorLabels:"
                + " true), and the same cluster (--cluster-label)? `zonecost doctor` checks it";
    throw new NoDataException(
        "every byte would be unknown-zone in "
            + request.start()
            + " .. "
            + request.end()
            + ": "
            + cause);
  }
}
