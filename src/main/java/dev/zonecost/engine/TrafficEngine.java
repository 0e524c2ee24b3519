package dev.zonecost.engine;

import static dev.zonecost.source.retina.LabelNames.INSTANCE;

import dev.zonecost.accounting.Calibration;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.PodDirectory;
import dev.zonecost.accounting.PodKey;
import dev.zonecost.accounting.Segment;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadResolver;
import dev.zonecost.prometheus.BackendException;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.QueryResult;
import dev.zonecost.prometheus.Series;
import dev.zonecost.source.retina.LabelNames;
import dev.zonecost.source.retina.QueryPlan;
import dev.zonecost.source.retina.QueryPlan.LabelledQuery;
import dev.zonecost.source.retina.QuerySettings;
import dev.zonecost.source.retina.RetinaSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Computes a window's rows with the window form of DESIGN §3: six instant queries sent in parallel
 * (each series' last value, the first value of series that existed before the window, the series
 * with a reset, pods' nodes, nodes' zones, ReplicaSet owners), then the raw samples of the agents
 * whose series reset, summed here by the same definition. Nothing is extrapolated and nothing is
 * sampled per step.
 */
public final class TrafficEngine {
  /** 11,000 points at a 1-minute scrape: Prometheus' per-series limit for range queries. */
  public static final Duration DEFAULT_CHUNK = Duration.ofMinutes(11_000);

  private final PrometheusApi api;
  private final int parallelism;
  private final Duration chunk;
  private final Progress progress;
  private final RangeSemantics ranges;

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
    this.api = api;
    this.parallelism = Math.max(1, parallelism);
    this.chunk = chunk;
    this.progress = progress;
    this.ranges = ranges;
  }

  public static QueryPlan plan(EngineRequest r, boolean leftOpenRanges) {
    return new QueryPlan(
        new QuerySettings(
            r.start(),
            r.end(),
            r.dedupe().directionRegex(),
            r.selection(),
            r.names(),
            leftOpenRanges,
            r.lookBehind()));
  }

  public EngineResult run(EngineRequest request) {
    Optional<String> version = api.version();
    // No version: VictoriaMetrics 1.79 answers buildinfo with empty data, and its ranges are
    // left-open. Assuming left-open elsewhere only errs for a sample exactly 1 ms before start.
    boolean leftOpen = ranges.leftOpen(version);
    QueryPlan plan = plan(request, leftOpen);
    List<LabelledQuery> sent = Collections.synchronizedList(new ArrayList<>(plan.instantQueries()));
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    ExecutorService pool = Executors.newFixedThreadPool(parallelism, TrafficEngine::daemon);
    try {
      var maxima = async(pool, () -> fetch(plan, plan.windowMax(), warnings));
      var minima = async(pool, () -> fetch(plan, plan.windowMinOfSeriesBefore(), warnings));
      var resets = async(pool, () -> fetch(plan, plan.resetSeries(), warnings));
      var agents = async(pool, () -> fetch(plan, plan.agentsWithLookBehind(), warnings));
      var pods = async(pool, () -> fetch(plan, plan.podPlacements(), warnings));
      var nodes = async(pool, () -> fetch(plan, plan.nodeZones(), warnings));
      var owners = async(pool, () -> fetch(plan, plan.replicaSetOwners(), warnings));
      var services = async(pool, () -> fetch(plan, plan.serviceIps(), warnings));
      var kernel = async(pool, () -> fetch(plan, plan.kernelTransmit(), warnings));

      String cluster = plan.settings().names().clusterLabel();
      PodDirectory directory = new PodDirectory();
      for (Series s : join(pods).series()) {
        directory.addPod(
            new PodKey(s.label(cluster), s.label("namespace"), s.label("pod"), s.label("pod_ip")),
            s.label("node"));
        directory.addNodeIp(s.label(cluster), s.label("host_ip"));
      }
      for (Series s : join(services).series()) {
        directory.addService(
            s.label(cluster), s.label("cluster_ip"), s.label("namespace"), s.label("service"));
      }
      if (request.groupBy() == GroupBy.SERVICE) {
        addBackends(plan, directory, sent, warnings);
      }
      for (Series s : join(nodes).series()) {
        String zone = s.label(plan.settings().names().zoneLabel());
        directory.addNode(
            s.label(cluster),
            s.label("node"),
            zone.isEmpty() ? s.label(LabelNames.LEGACY_ZONE_LABEL) : zone);
      }
      WorkloadResolver resolver = new WorkloadResolver();
      for (Series s : join(owners).series()) {
        resolver.addReplicaSetOwner(
            s.label(cluster),
            s.label("namespace"),
            s.label("replicaset"),
            s.label("owner_kind"),
            s.label("owner_name"));
      }

      TrafficAggregator aggregator =
          new TrafficAggregator(
              directory,
              resolver,
              request.dedupe(),
              request.level(),
              request.selection().workloadFilter(),
              request.groupBy(),
              request.byCluster());
      List<Series> resetList = join(resets).series();
      Set<String> reset = new HashSet<>();
      resetList.forEach(s -> reset.add(identity(s.labels())));
      Map<String, Double> firstOfSeriesBefore = new HashMap<>();
      for (Series s : join(minima).series()) {
        firstOfSeriesBefore.put(identity(s.labels()), s.samples().get(0).value());
      }
      Set<String> agentsBefore = new HashSet<>();
      for (Series s : join(agents).series()) {
        agentsBefore.add(FirstScrapes.agentKey(s.labels(), cluster));
      }
      List<Series> maximaList = join(maxima).series();

      // Agents with series that did not exist before the window and no look-behind of their own:
      // where their data begins tells born series from baselines.
      TreeSet<String> unresolved = new TreeSet<>();
      for (Series s : maximaList) {
        String agent = FirstScrapes.agentKey(s.labels(), cluster);
        if (!firstOfSeriesBefore.containsKey(identity(s.labels()))
            && !agentsBefore.contains(agent)) {
          unresolved.add(agent);
        }
      }
      Optional<Instant> dataStart = Optional.empty();
      boolean noDataBefore = !maximaList.isEmpty() && agentsBefore.isEmpty() && !dataBefore(plan);
      FirstScrapes firsts = new FirstScrapes();
      if (!unresolved.isEmpty() || noDataBefore) {
        readFirstScrapes(plan, unresolved, noDataBefore, firsts, sent);
        if (noDataBefore) {
          dataStart = firsts.oldest().filter(t -> t.isAfter(request.start()));
        }
      }

      Births births = new Births(firstOfSeriesBefore.keySet(), agentsBefore, firsts, cluster);
      for (Series s : maximaList) {
        String id = identity(s.labels());
        if (reset.contains(id)) {
          continue;
        }
        double last = s.samples().get(0).value();
        Double first = firstOfSeriesBefore.get(id);
        if (first == null) {
          // no look-behind: born (count from zero) or the first sample of its agent's data
          first = births.born(id, s.labels()) ? 0.0 : births.firstValue(id);
        }
        aggregator.add(RetinaSeries.observation(s.labels(), cluster, last - first));
      }
      if (!resetList.isEmpty()) {
        addResetSeries(plan, resetList, births, aggregator, sent, warnings, pool);
      }
      TrafficAggregator.Result result = aggregator.result();
      Calibration calibration = null;
      if (request.selection().equals(Selection.ALL)) {
        Map<String, Double> kernelByPod = new HashMap<>();
        for (Series s : join(kernel).series()) {
          kernelByPod.put(s.label("namespace") + "/" + s.label("pod"), s.samples().get(0).value());
        }
        calibration = Calibration.of(result.sentByPod(), kernelByPod, request.level());
      }
      WindowEdges edges =
          new WindowEdges(
              request.start(),
              dataStart.orElse(null),
              request.lookBehind(),
              births.bornCount(),
              births.unknowableCount(),
              unresolved.size());
      return new EngineResult(
          result.rows(),
          result.stats(),
          resetList.size(),
          version.orElse(""),
          leftOpen,
          List.copyOf(sent),
          List.copyOf(warnings),
          edges,
          result.sources(),
          calibration);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Which pods back which Service, from the EndpointSlices: {@code --group-by service} names the
   * Service a client reached a pod through. A slice's Service is its label, else its name less the
   * generated suffix.
   */
  private void addBackends(
      QueryPlan plan, PodDirectory directory, List<LabelledQuery> sent, List<String> warnings) {
    String cluster = plan.settings().names().clusterLabel();
    sent.add(
        new LabelledQuery(
            "EndpointSlice endpoints (for --group-by service)", plan.sliceEndpoints()));
    sent.add(
        new LabelledQuery("EndpointSlice Services (for --group-by service)", plan.sliceServices()));
    Map<String, String> serviceOfSlice = new HashMap<>();
    for (Series s : fetch(plan, plan.sliceServices(), warnings).series()) {
      serviceOfSlice.put(
          s.label(cluster) + "/" + s.label("namespace") + "/" + s.label("endpointslice"),
          s.label("label_kubernetes_io_service_name"));
    }
    for (Series s : fetch(plan, plan.sliceEndpoints(), warnings).series()) {
      String slice = s.label("endpointslice");
      String service =
          serviceOfSlice.getOrDefault(
              s.label(cluster) + "/" + s.label("namespace") + "/" + slice,
              slice.replaceFirst("-[a-z0-9]{5}$", ""));
      directory.addBackend(s.label(cluster), s.label("namespace"), service, s.label("address"));
    }
  }

  /** How far back to probe for any data before a window whose look-behind is empty. */
  static final Duration MAX_PROBE = Duration.ofDays(3660);

  /** The first stretch read for agents without look-behind; each further read doubles. */
  static final Duration FIRST_SCRAPE_CHUNK = Duration.ofMinutes(15);

  /**
   * Whether the metric has any sample before the look-behind. Asked only when no agent has one in
   * the look-behind: the window then starts in a long outage, or before the data (clipped). Probes
   * ranges that double backwards, so an empty past costs a few cheap requests and a long outage
   * reads no more than about twice its length.
   */
  private boolean dataBefore(QueryPlan plan) {
    Instant at = plan.settings().start().minus(plan.settings().lookBehind()).minusMillis(1);
    Duration range = plan.settings().lookBehind();
    Duration probed = Duration.ZERO;
    while (probed.compareTo(MAX_PROBE) < 0) {
      QueryResult r = api.query(plan.anySample(range), at);
      if (!r.series().isEmpty() && r.series().get(0).samples().get(0).value() > 0) {
        return true;
      }
      probed = probed.plus(range);
      at = at.minus(range);
      range = range.multipliedBy(2);
    }
    return false;
  }

  /**
   * Reads, from the window's start onwards in chunks that double, the samples of the agents with no
   * look-behind until each one's first scrape is found (and the oldest sample of all, when the
   * window starts before the data).
   */
  private void readFirstScrapes(
      QueryPlan plan,
      TreeSet<String> unresolved,
      boolean findOldest,
      FirstScrapes firsts,
      List<LabelledQuery> sent) {
    String cluster = plan.settings().names().clusterLabel();
    Instant end = plan.settings().end();
    Instant lo = plan.settings().start();
    Duration length = FIRST_SCRAPE_CHUNK;
    int reads = 0;
    String firstQuery = null;
    while (lo.isBefore(end)
        && (unresolved.stream().anyMatch(a -> !firsts.found(a))
            || (findOldest && firsts.oldest().isEmpty()))) {
      Instant hi = lo.plus(length).isBefore(end) ? lo.plus(length) : end;
      TreeSet<String> instances = new TreeSet<>();
      if (!findOldest || firsts.oldest().isPresent()) {
        unresolved.stream()
            .filter(a -> !firsts.found(a))
            .forEach(a -> instances.add(FirstScrapes.instanceOf(a)));
      }
      String q = plan.agentSamples(instances, Duration.between(lo, hi));
      firstQuery = firstQuery == null ? q : firstQuery;
      QueryResult r = api.query(q, hi);
      firsts.addChunk(r.series(), cluster, lo.toEpochMilli(), hi.toEpochMilli());
      reads++;
      lo = hi;
      length = length.multipliedBy(2);
    }
    if (reads > 0) {
      sent.add(
          new LabelledQuery(
              FIRST_SCRAPES_LABEL + (reads > 1 ? ", in " + reads + " doubling reads" : ""),
              firstQuery));
    }
  }

  public static final String FIRST_SCRAPES_LABEL =
      "first scrapes of agents without samples in the look-behind (sent only when there are any)";

  /**
   * Reads the raw samples of every agent that had a reset and sums the reset series by the
   * definition. Other series of those agents come back too and are ignored: they are already in the
   * max/min answers.
   */
  private void addResetSeries(
      QueryPlan plan,
      List<Series> resetList,
      Births births,
      TrafficAggregator aggregator,
      List<LabelledQuery> sent,
      List<String> warnings,
      ExecutorService pool) {
    Map<String, Map<String, String>> wanted = new HashMap<>();
    TreeSet<String> instances = new TreeSet<>();
    for (Series s : resetList) {
      wanted.put(identity(s.labels()), s.labels());
      instances.add(s.label(INSTANCE));
    }
    long start = plan.settings().start().toEpochMilli();
    long end = plan.settings().end().toEpochMilli();
    List<TimeChunk> chunks = TimeChunk.tile(plan.settings().start(), plan.settings().end(), chunk);
    sent.add(
        new LabelledQuery(
            QueryPlan.RAW_SAMPLES_LABEL
                + (chunks.size() > 1 ? ", in " + chunks.size() + " time chunks" : ""),
            plan.rawSamples(instances, chunks.get(0).length())));
    AtomicInteger done = new AtomicInteger();
    List<CompletableFuture<Map<String, Segment>>> futures = new ArrayList<>();
    for (TimeChunk c : chunks) {
      futures.add(
          async(
              pool,
              () -> {
                Map<String, Segment> segments = new HashMap<>();
                var info =
                    api.query(
                        plan.rawSamples(instances, c.length()),
                        c.end(),
                        s -> {
                          String id = identity(s.labels());
                          if (wanted.containsKey(id)) {
                            segments.put(id, Segment.of(s.samples(), start, end));
                          }
                        });
                warnings.addAll(info.warnings());
                progress.chunkDone(done.incrementAndGet(), chunks.size());
                return segments;
              }));
    }
    Map<String, Segment> joined = new HashMap<>();
    for (CompletableFuture<Map<String, Segment>> f : futures) {
      // in time order, so each series' chunks are joined oldest first
      join(f).forEach((id, seg) -> joined.merge(id, seg, Segment::then));
    }
    wanted.forEach(
        (id, labels) -> {
          Segment seg = joined.get(id);
          if (seg == null) {
            throw new BackendException(
                "a series with counter resets was missing from the raw-sample answer; the data"
                    + " changed while zonecost read it — run the report again");
          }
          aggregator.add(
              RetinaSeries.observation(
                  labels,
                  plan.settings().names().clusterLabel(),
                  seg.bytes(births.born(id, labels))));
        });
  }

  /** A series' labels without the metric name, in a stable order. */
  static String identity(Map<String, String> labels) {
    TreeMap<String, String> sorted = new TreeMap<>(labels);
    sorted.remove("__name__");
    return sorted.toString();
  }

  private QueryResult fetch(QueryPlan plan, String promql, List<String> warnings) {
    QueryResult r = api.query(promql, plan.evaluationTime());
    warnings.addAll(r.info().warnings());
    return r;
  }

  private static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, pool);
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "zonecost-query");
    t.setDaemon(true);
    return t;
  }
}
