package dev.zonecost.engine;

import dev.zonecost.accounting.Calibration;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.NodeZones;
import dev.zonecost.accounting.Observation;
import dev.zonecost.accounting.PodDirectory;
import dev.zonecost.accounting.PodKey;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadResolver;
import dev.zonecost.kube.KubeQueries;
import dev.zonecost.prometheus.BackendException;
import dev.zonecost.prometheus.Labels;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.QueryResult;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.ExportedLabels;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.QueryPlan;
import dev.zonecost.source.QuerySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Computes a window's rows from a byte source ({@code --source}; under {@code auto} Retina first,
 * else the first other source with data in the window) with the window form of DESIGN §3: per
 * counter of the source (Istio has two) and for kube-state-metrics, instant queries sent in
 * parallel (one full read of the window, the census of its series and their resets; each series'
 * last and first values from short reads at the window's edges; pods' nodes, nodes' zones,
 * ReplicaSet owners), then reads by name of what the edges missed and of the resets ({@link
 * CounterRead}). Nothing is extrapolated and nothing is sampled per step.
 */
public final class TrafficEngine {
  /** 11,000 points at a 1-minute scrape: Prometheus' per-series limit for range queries. */
  public static final Duration DEFAULT_CHUNK = Duration.ofMinutes(11_000);

  private final PrometheusApi api;
  private final int parallelism;
  private final Duration chunk;
  private final Progress progress;
  private final RangeSemantics ranges;
  private final EngineRun shared; // null: each run() has a pool of its own

  public TrafficEngine(PrometheusApi api, int parallelism) {
    this(api, parallelism, DEFAULT_CHUNK, Progress.NONE, RangeSemantics.AUTO);
  }

  /**
   * @param chunk the longest stretch of raw samples one request reads
   * @param progress told as raw-sample chunks complete
   */
  public TrafficEngine(PrometheusApi api, int parallelism, Duration chunk, Progress progress) {
    this(api, parallelism, chunk, progress, RangeSemantics.AUTO);
  }

  /**
   * @param ranges whether the server's ranges include their start; AUTO asks its version
   */
  public TrafficEngine(
      PrometheusApi api,
      int parallelism,
      Duration chunk,
      Progress progress,
      RangeSemantics ranges) {
    this(api, parallelism, chunk, progress, ranges, null);
  }

  /**
   * An engine that shares {@code run}'s pool and its bound on requests in flight with the run's
   * other engines (a trend's buckets).
   */
  public TrafficEngine(
      PrometheusApi api, EngineRun run, Duration chunk, Progress progress, RangeSemantics ranges) {
    this(run.limit(api), run.parallelism(), chunk, progress, ranges, run);
  }

  private TrafficEngine(
      PrometheusApi api,
      int parallelism,
      Duration chunk,
      Progress progress,
      RangeSemantics ranges,
      EngineRun shared) {
    this.api = api;
    this.parallelism = Math.max(1, parallelism);
    this.chunk = chunk;
    this.progress = progress;
    this.ranges = ranges;
    this.shared = shared;
  }

  /** The step of the subquery that locates resets in a window this long. */
  public static Duration resetStep(Duration window) {
    return ResetLocator.step(window);
  }

  public static QueryPlan plan(EngineRequest r, boolean leftOpenRanges) {
    return plan(r, leftOpenRanges, ByteSources.RETINA, r.names().forwardBytes());
  }

  /** The plan of one counter of a source: its metric name and the source's matchers. */
  public static QueryPlan plan(
      EngineRequest r, boolean leftOpenRanges, ByteSource source, String metric) {
    return new QueryPlan(
        new QuerySettings(
                r.start(),
                r.end(),
                source.countsOncePerByte() ? null : r.dedupe().directionRegex(),
                r.selection(),
                r.names(),
                leftOpenRanges,
                r.lookBehind(),
                source)
            .withMetric(metric));
  }

  public EngineResult run(EngineRequest request) {
    if (shared == null) {
      try (EngineRun own = new EngineRun(parallelism)) {
        return new TrafficEngine(api, own, chunk, progress, ranges).run(request);
      }
    }
    Optional<String> version = api.version();
    // No version: VictoriaMetrics 1.79 answers buildinfo with empty data, and its ranges are
    // left-open. Assuming left-open elsewhere only errs for a sample exactly 1 ms before start.
    boolean leftOpen = ranges.leftOpen(version);
    ByteSource named = ByteSources.byName(request.source());
    if (named != null) {
      return read(request, named, version, leftOpen);
    }
    // auto: Retina first; another source only where Retina has no data in the window.
    EngineResult retina = read(request, ByteSources.RETINA, version, leftOpen);
    List<LabelledQuery> probes = new ArrayList<>();
    List<ByteSource> others = new ArrayList<>();
    for (ByteSource other : ByteSources.all()) {
      if (other != ByteSources.RETINA && hasData(request, leftOpen, other, probes)) {
        others.add(other);
      }
    }
    if (retina.stats().series() > 0 || others.isEmpty()) {
      return others.isEmpty()
          ? retina.with(probes, List.of())
          : retina.with(
              probes,
              List.of(
                  "--source auto read retina; "
                      + names(others)
                      + " also "
                      + (others.size() > 1 ? "have" : "has")
                      + " data in the window: choose with --source "
                      + others.get(0).name()));
    }
    ByteSource chosen = others.get(0);
    List<String> notes = new ArrayList<>();
    notes.add(
        "--source auto read "
            + chosen.name()
            + ": no Retina series in the window"
            + (others.size() > 1
                ? "; " + names(others.subList(1, others.size())) + " also has data: --source"
                : ""));
    return read(request.withSource(chosen.name()), chosen, version, leftOpen).with(probes, notes);
  }

  private static String names(List<ByteSource> sources) {
    return String.join(", ", sources.stream().map(ByteSource::name).toList());
  }

  /** Whether any of the source's counters' names has a sample in the window (auto's probe). */
  private boolean hasData(
      EngineRequest request, boolean leftOpen, ByteSource source, List<LabelledQuery> probes) {
    for (String metric : source.counters(request.names()).get(0).metricNames()) {
      QueryPlan p = plan(request, leftOpen, source, metric);
      String q = p.anySample(p.settings().window());
      probes.add(new LabelledQuery("does " + source.name() + " have data (" + metric + ")", q));
      try {
        QueryResult r = api.query(q, request.end());
        if (!r.series().isEmpty() && r.series().get(0).samples().get(0).value() > 0) {
          return true;
        }
      } catch (BackendException e) {
        // a probe only informs auto's choice: a back end that refuses it has no such data to show
      }
    }
    return false;
  }

  /**
   * The metric name each counter of the source goes by here: the first with data in the window,
   * else its first name.
   */
  private List<String> metricsOf(
      EngineRequest request, boolean leftOpen, ByteSource source, List<LabelledQuery> sent) {
    List<String> out = new ArrayList<>();
    for (ByteSource.Counter c : source.counters(request.names())) {
      String found = c.metricNames().get(0);
      if (c.metricNames().size() > 1) {
        for (String metric : c.metricNames()) {
          QueryPlan p = plan(request, leftOpen, source, metric);
          String q = p.anySample(p.settings().window());
          sent.add(new LabelledQuery("which name " + source.name() + "'s counter has here", q));
          QueryResult r = api.query(q, request.end());
          if (!r.series().isEmpty() && r.series().get(0).samples().get(0).value() > 0) {
            found = metric;
            break;
          }
        }
      }
      out.add(found);
    }
    return out;
  }

  private EngineResult read(
      EngineRequest request, ByteSource source, Optional<String> version, boolean leftOpen) {
    List<LabelledQuery> sent = Collections.synchronizedList(new ArrayList<>());
    List<String> metrics = metricsOf(request, leftOpen, source, sent);
    List<ByteSource.Counter> counters = source.counters(request.names());
    ReportQueries queries = ReportQueries.of(request, leftOpen, source, metrics);
    QueryPlan plan = queries.plan();
    KubeQueries kube = queries.kube();
    sent.addAll(queries.instantQueries());
    List<QueryPlan> more = queries.counters().subList(1, queries.counters().size());
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    ExecutorService pool = shared.share();
    try {
      List<CounterRead> reads = new ArrayList<>();
      reads.add(
          new CounterRead(api, plan, counters.get(0).role(), pool, warnings, chunk, progress));
      for (int i = 0; i < more.size(); i++) {
        reads.add(
            new CounterRead(
                api, more.get(i), counters.get(i + 1).role(), pool, warnings, chunk, progress));
      }
      var pods = async(pool, () -> fetch(plan, kube.pods().promql(), warnings));
      var nodes = async(pool, () -> fetch(plan, kube.nodes().promql(), warnings));
      var owners = async(pool, () -> fetch(plan, kube.owners().promql(), warnings));
      var jobOwners = async(pool, () -> fetch(plan, kube.cronJobs().promql(), warnings));
      var services = async(pool, () -> fetch(plan, kube.services().promql(), warnings));
      var kernel = async(pool, () -> fetch(plan, kube.kernel().promql(), warnings));
      var podOwners =
          source.needsWorkloadKinds()
              ? async(pool, () -> fetch(plan, kube.firstOwners().promql(), warnings))
              : null;

      String cluster = plan.settings().names().clusterLabel();
      PodDirectory directory = new PodDirectory();
      long ksmPods = 0;
      long exportedPods = 0;
      for (Series s : join(pods).series()) {
        ksmPods++;
        exportedPods += s.label(ExportedLabels.EXPORTED_NAMESPACE).isEmpty() ? 0 : 1;
        directory.addPod(
            new PodKey(s.label(cluster), s.label("namespace"), s.label("pod"), s.label("pod_ip")),
            s.label("node"));
        directory.addNodeAddress(s.label(cluster), s.label("host_ip"), s.label("node"));
      }
      for (Series s : join(services).series()) {
        directory.addService(
            s.label(cluster), s.label("cluster_ip"), s.label("namespace"), s.label("service"));
      }
      if (request.groupBy() == GroupBy.SERVICE) {
        addBackends(plan, kube, directory, sent, warnings);
      }
      long zonedNodes = 0;
      for (Series s : join(nodes).series()) {
        String zone = NodeZones.of(s::label, plan.settings().names().zoneLabel());
        zonedNodes += zone.isEmpty() ? 0 : 1;
        directory.addNode(s.label(cluster), s.label("node"), zone);
      }
      WorkloadResolver resolver = new WorkloadResolver().schedulesUntil(request.end());
      for (Series s : join(jobOwners).series()) {
        resolver.addJobOwner(
            s.label(cluster),
            s.label("namespace"),
            s.label("job_name"),
            s.label("owner_kind"),
            s.label("owner_name"));
      }
      for (Series s : join(owners).series()) {
        resolver.addReplicaSetOwner(
            s.label(cluster),
            s.label("namespace"),
            s.label("replicaset"),
            s.label("owner_kind"),
            s.label("owner_name"));
      }
      if (podOwners != null) {
        for (Series s : join(podOwners).series()) {
          resolver.addPodOwner(
              s.label(cluster),
              s.label("namespace"),
              s.label("created_by_kind"),
              s.label("created_by_name"));
        }
      }

      TrafficAggregator aggregator =
          new TrafficAggregator(
              directory,
              resolver,
              source.countsOncePerByte() ? DedupeMode.NONE : request.dedupe(),
              request.level(),
              request.selection().workloadFilter(),
              request.groupBy(),
              request.byCluster(),
              request.places());
      WindowEdges edges = null;
      long resetCount = 0;
      ScrapeCopies copies = new ScrapeCopies(directory, cluster);
      List<String> notes = new ArrayList<>();
      for (CounterRead read : reads) {
        WindowEdges e = read.addTo(aggregator, source, request, sent, copies);
        read.copyNotes.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        edges = edges == null ? e : edges.plus(e);
        resetCount += read.resetCount;
      }
      TrafficAggregator.Result result = aggregator.result();
      Calibration calibration = null;
      if (request.selection().equals(Selection.ALL) && !source.countsOncePerByte()) {
        Map<String, Double> kernelByPod = new HashMap<>();
        for (Series s : join(kernel).series()) {
          kernelByPod.put(s.label("namespace") + "/" + s.label("pod"), s.samples().get(0).value());
        }
        calibration = Calibration.of(result.sentByPod(), kernelByPod, request.level());
      }
      return new EngineResult(
          result.rows(),
          result.stats(),
          resetCount,
          version.orElse(""),
          leftOpen,
          List.copyOf(sent),
          List.copyOf(warnings),
          edges,
          result.sources(),
          calibration,
          source.name(),
          concat(copies.notes(source.name()), notes),
          new KubeJoin(ksmPods, exportedPods, zonedNodes, resolver.cronJobRuns()),
          result.byNode());
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  /** Adds an observation; a source's left-out copy (null) adds nothing. */
  static void add(TrafficAggregator aggregator, Observation o) {
    if (o != null) {
      aggregator.add(o);
    }
  }

  /**
   * Which pods back which Service, from the EndpointSlices: {@code --group-by service} names the
   * Service a client reached a pod through. A slice's Service is its label, else its name less the
   * generated suffix.
   */
  private void addBackends(
      QueryPlan plan,
      KubeQueries kube,
      PodDirectory directory,
      List<LabelledQuery> sent,
      List<String> warnings) {
    String cluster = plan.settings().names().clusterLabel();
    sent.add(kube.endpoints());
    sent.add(kube.slices());
    Map<String, String> serviceOfSlice = new HashMap<>();
    for (Series s : fetch(plan, kube.slices().promql(), warnings).series()) {
      serviceOfSlice.put(
          s.label(cluster) + "/" + s.label("namespace") + "/" + s.label("endpointslice"),
          s.label("label_kubernetes_io_service_name"));
    }
    for (Series s : fetch(plan, kube.endpoints().promql(), warnings).series()) {
      String slice = s.label("endpointslice");
      String service =
          serviceOfSlice.getOrDefault(
              s.label(cluster) + "/" + s.label("namespace") + "/" + slice,
              slice.replaceFirst("-[a-z0-9]{5}$", ""));
      directory.addBackend(s.label(cluster), s.label("namespace"), service, s.label("address"));
    }
  }

  /** A series' labels without the metric name, in a stable order. */
  static Labels identity(Map<String, String> labels) {
    // the decoder's labels are already a Labels: without a name (most answers drop it), they are
    // their own identity
    return Labels.of(labels).without("__name__");
  }

  private QueryResult fetch(QueryPlan plan, String promql, List<String> warnings) {
    QueryResult r = api.query(promql, plan.evaluationTime());
    warnings.addAll(r.info().warnings());
    return r;
  }

  static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, pool);
  }

  /** What failed behind a future's wrapper. */
  static Throwable cause(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null
        ? t.getCause()
        : t;
  }

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "zonecost-query");
    t.setDaemon(true);
    return t;
  }
}
