package dev.zonecost.engine;

import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.WindowBytes;
import dev.zonecost.accounting.WindowBytes.Birth;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.prometheus.Labels;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.QueryPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;

/**
 * One counter of the source read by the window form with one full read of the window: the census
 * ({@code resets} per series), each series' last value from the window's last minutes and first
 * value from its first minutes, and the series (and so the agents) in the look-behind, sent in
 * parallel; then, by name, the values the edges missed and the resets of the series with one
 * (located, else their raw samples). Per series without a reset the bytes are {@code last −
 * baseline}; with resets, {@code last − baseline + Σ value before each reset}.
 */
final class CounterRead {
  private final PrometheusApi api;
  private final QueryPlan plan;
  private final String role;
  private final ExecutorService pool;
  private final List<String> warnings;
  private final Duration chunk;
  private final Progress progress;
  private final CompletableFuture<Census> census;
  private final CompletableFuture<Map<Labels, Double>> lastEdge;
  private final CompletableFuture<Map<Labels, Double>> firstEdge;
  private final CompletableFuture<LookBehind> lookBehind;
  private final CompletableFuture<Set<String>> agents; // null: the look-behind names them
  private final Map<Labels, Labels> ids = new java.util.concurrent.ConcurrentHashMap<>();
  long resetCount;

  /** What the source's copy rule could not do with these series ({@link ByteSource#copyNotes}). */
  List<String> copyNotes = List.of();

  CounterRead(
      PrometheusApi api,
      QueryPlan plan,
      String role,
      ExecutorService pool,
      List<String> warnings,
      Duration chunk,
      Progress progress) {
    this.api = api;
    this.plan = plan;
    this.role = role;
    this.pool = pool;
    this.warnings = warnings;
    this.chunk = chunk;
    this.progress = progress;
    String cluster = plan.settings().names().clusterLabel();
    // the label counts of the reads by name and the series to locate resets of are worked out on
    // the query's thread as the census arrives: the reads after it wait for nothing else
    census =
        fetch(
                plan.windowCensus(),
                new Census(new LinkedHashMap<>(), new HashMap<>(), new HashMap<>()),
                (c, s) -> {
                  Labels id = id(s.labels());
                  c.labelsOf().put(id, s.labels());
                  int n = (int) Math.round(s.samples().get(0).value());
                  c.resets().put(id, n);
                  if (n > 0) {
                    c.withReset().put(id, s.labels());
                  }
                })
            .thenApply(Census::covered);
    lastEdge = fetch(plan.lastValuesAtEnd(), new HashMap<>(), this::addValue);
    firstEdge = fetch(plan.firstEdgeValues(), new HashMap<>(), this::addValue);
    boolean namesAgents = plan.lookBehindNamesAgents();
    lookBehind =
        fetch(
            plan.lookBehindSeries(),
            new LookBehind(new HashSet<>(), new HashSet<>()),
            (b, s) -> {
              b.ids().add(id(s.labels()));
              if (namesAgents) {
                b.agents().add(FirstScrapes.agentKey(s.labels(), cluster));
              }
            });
    agents =
        namesAgents
            ? null
            : fetch(
                plan.agentsWithLookBehind(),
                new HashSet<>(),
                (a, s) -> a.add(FirstScrapes.agentKey(s.labels(), cluster)));
  }

  /**
   * The census: each series' labels by identity, in the answer's order, its resets, the series with
   * one, and (once complete) the label counts that pick matchers for reads by name.
   */
  private record Census(
      Map<Labels, Map<String, String>> labelsOf,
      Map<Labels, Integer> resets,
      Map<Labels, Map<String, String>> withReset,
      SeriesCover cover) {
    Census(
        Map<Labels, Map<String, String>> labelsOf,
        Map<Labels, Integer> resets,
        Map<Labels, Map<String, String>> withReset) {
      this(labelsOf, resets, withReset, null);
    }

    Census covered() {
      return new Census(labelsOf, resets, withReset, new SeriesCover(labelsOf.values()));
    }
  }

  /** The series in the look-behind, and their agents when the plan says they name them. */
  private record LookBehind(Set<Labels> ids, Set<String> agents) {}

  /**
   * Sends {@code promql} and folds its answer into {@code into} as it is decoded, on the query's
   * thread: what the accounting keeps of each series (its identity and one value), not the series.
   */
  private <T> CompletableFuture<T> fetch(String promql, T into, BiConsumer<T, Series> add) {
    return TrafficEngine.async(
        pool,
        () -> {
          ResultInfo info = api.query(promql, plan.evaluationTime(), s -> add.accept(into, s));
          warnings.addAll(info.warnings());
          return into;
        });
  }

  private void addValue(Map<Labels, Double> values, Series s) {
    values.put(id(s.labels()), s.samples().get(0).value());
  }

  /**
   * The series' identity, one copy per series across the five answers (each names most series, and
   * an identity holds all of a series' labels).
   */
  private Labels id(Map<String, String> labels) {
    Labels id = TrafficEngine.identity(labels);
    Labels known = ids.putIfAbsent(id, id);
    return known == null ? id : known;
  }

  WindowEdges addTo(
      TrafficAggregator aggregator,
      ByteSource source,
      EngineRequest request,
      List<LabelledQuery> sent,
      ScrapeCopies copies) {
    String cluster = plan.settings().names().clusterLabel();
    Census c = TrafficEngine.join(census);
    Map<Labels, Map<String, String>> labelsOf = c.labelsOf();
    Map<Labels, Integer> resets = c.resets();
    SeriesCover all = c.cover();
    int scraped = labelsOf.size();
    copies.keepOneScrape(labelsOf); // after the cover: reads by name must tell the copies apart
    Map<Labels, Map<String, String>> withReset = c.withReset();
    if (labelsOf.size() < scraped) {
      withReset = new HashMap<>(withReset);
      withReset.keySet().retainAll(labelsOf.keySet());
    }
    // the located resets first: two rounds, the longest chain of reads after the census
    List<LabelledQuery> sentLocating = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Map<Labels, ResetLocator.Drops>> locating =
        new ResetLocator(api).locate(plan, withReset, all, pool, sentLocating, warnings);
    copyNotes = source.copyNotes(labelsOf.values());
    Map<Labels, Double> last = TrafficEngine.join(lastEdge);
    // pre-existing: a sample in the look-behind; their first values: the first edge's, where the
    // series has one (the others had a gap across the start: read by name below)
    LookBehind before = TrafficEngine.join(lookBehind);
    Set<Labels> preExisting = before.ids();
    preExisting.retainAll(labelsOf.keySet());
    Set<String> agentsBefore = agents == null ? before.agents() : TrafficEngine.join(agents);
    Map<Labels, Double> first = TrafficEngine.join(firstEdge);
    first.keySet().retainAll(preExisting);

    // By name: last values the end edge missed, first values the start edge missed, resets.
    Map<Labels, Map<String, String>> lastMissing = new HashMap<>();
    Map<Labels, Map<String, String>> firstMissing = new HashMap<>();
    long[] reset = new long[1];
    labelsOf.forEach(
        (id, labels) -> {
          if (!last.containsKey(id)) {
            lastMissing.put(id, labels);
          }
          if (resets.get(id) > 0) {
            reset[0]++;
          } else if (preExisting.contains(id) && !first.containsKey(id)) {
            firstMissing.put(id, labels);
          }
        });
    resetCount = reset[0];
    Instant end = plan.evaluationTime();
    var lastByName =
        ReadsByName.start(
            api,
            pool,
            plan::lastValues,
            end,
            lastMissing,
            all,
            QueryPlan.LAST_BY_NAME_LABEL,
            sent,
            warnings);
    var firstByName =
        ReadsByName.start(
            api,
            pool,
            plan::firstValues,
            end,
            firstMissing,
            all,
            QueryPlan.FIRST_BY_NAME_LABEL,
            sent,
            warnings);

    Map<Labels, ResetLocator.Drops> located = TrafficEngine.join(locating);
    sent.addAll(sentLocating);
    // Agents with series that did not exist before the window and no look-behind of their own:
    // where their data begins tells born series from baselines.
    TreeSet<String> unresolved = new TreeSet<>();
    labelsOf.forEach(
        (id, labels) -> {
          String agent = FirstScrapes.agentKey(labels, cluster);
          if (!preExisting.contains(id) && !agentsBefore.contains(agent)) {
            unresolved.add(agent);
          }
        });
    Optional<Instant> dataStart = Optional.empty();
    boolean noDataBefore =
        !labelsOf.isEmpty() && agentsBefore.isEmpty() && !new EdgeReads(api).dataBefore(plan);
    FirstScrapes firsts = new FirstScrapes();
    if (!unresolved.isEmpty() || noDataBefore) {
      new EdgeReads(api).readFirstScrapes(plan, unresolved, noDataBefore, firsts, sent);
      if (noDataBefore) {
        dataStart = firsts.oldest().filter(t -> t.isAfter(request.start()));
      }
    }
    last.putAll(TrafficEngine.join(lastByName));
    first.putAll(TrafficEngine.join(firstByName));

    Births births = new Births(preExisting, agentsBefore, firsts, cluster);
    long startEdgeEnd = plan.settings().start().plus(plan.edge()).toEpochMilli();
    Map<Labels, Map<String, String>> unlocated = new HashMap<>();
    labelsOf.forEach(
        (id, labels) -> {
          int n = resets.get(id);
          double extra = 0;
          if (n > 0) {
            ResetLocator.Drops d = located.get(id);
            boolean exact =
                d != null
                    && d.count() == n
                    // a pre-existing series' baseline is its first-minutes minimum: no reset there
                    && (!preExisting.contains(id)
                        || (first.containsKey(id) && d.firstAfterTs() > startEdgeEnd));
            if (!exact) {
              unlocated.put(id, labels);
              return;
            }
            extra = d.sumBefore();
          }
          Birth birth = births.born(id, labels);
          // the baseline: the first-minutes value of a pre-existing series, else the first
          // sample of its agent's data (not read for a born series: it counts from zero)
          double baseline =
              birth == Birth.PRE_EXISTING
                  ? first.get(id)
                  : birth == Birth.UNKNOWABLE ? births.firstValue(id) : 0.0;
          TrafficEngine.add(
              aggregator,
              source.observation(
                  role, labels, cluster, WindowBytes.closed(baseline, last.get(id), extra, birth)));
        });
    if (!unlocated.isEmpty()) {
      new ResetReads(api, chunk, progress)
          .add(plan, role, source, unlocated, all, births, aggregator, sent, warnings, pool);
    }
    return new WindowEdges(
        request.start(),
        dataStart.orElse(null),
        request.lookBehind(),
        births.bornCount(),
        births.unknowableCount(),
        unresolved.size());
  }
}
