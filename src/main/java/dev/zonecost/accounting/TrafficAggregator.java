package dev.zonecost.accounting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Turns per-series window bytes into rows: groups the series of one pod pair, keeps one observation
 * per byte (dedupe mode and aggregation level), resolves both pods' zones and workloads, and sums
 * per workload pair and zone pair in half bytes so rounding happens once.
 */
public final class TrafficAggregator {
  private final PodDirectory pods;
  private final WorkloadResolver workloads;
  private final DedupeMode dedupe;
  private final DataAggregationLevel level;
  private final BiPredicate<WorkloadRef, WorkloadRef> filter;
  private final GroupBy groupBy;
  private final boolean byCluster;
  private final Map<Endpoints, double[]> byPair = new HashMap<>();
  private long seriesAdded;

  public TrafficAggregator(
      PodDirectory pods,
      WorkloadResolver workloads,
      DedupeMode dedupe,
      DataAggregationLevel level) {
    this(pods, workloads, dedupe, level, (s, d) -> true, GroupBy.WORKLOAD, false);
  }

  /**
   * @param filter which workload pairs to keep (the selection); totals are then the selection's
   * @param groupBy the grain of the rows
   * @param byCluster whether rows are split by the series' cluster label
   */
  public TrafficAggregator(
      PodDirectory pods,
      WorkloadResolver workloads,
      DedupeMode dedupe,
      DataAggregationLevel level,
      BiPredicate<WorkloadRef, WorkloadRef> filter,
      GroupBy groupBy,
      boolean byCluster) {
    this.pods = pods;
    this.workloads = workloads;
    this.dedupe = dedupe;
    this.level = level;
    this.filter = filter;
    this.groupBy = groupBy;
    this.byCluster = byCluster;
  }

  /** One series' bytes in the window, as an observation of its pod pair. */
  public void add(Observation o) {
    seriesAdded++;
    double[] sums =
        byPair.computeIfAbsent(new Endpoints(o.source(), o.destination()), k -> new double[3]);
    sums[o.direction().ordinal()] += o.bytes();
  }

  public Result result() {
    Map<TrafficKey, Long> halves = new HashMap<>();
    Tally stats = new Tally();
    for (Map.Entry<Endpoints, double[]> entry : byPair.entrySet()) {
      double[] s = entry.getValue();
      double observed =
          switch (dedupe) {
            case EGRESS -> s[0];
            case INGRESS -> s[1];
            case MAX -> Math.max(s[0], s[1]);
            case NONE -> s[0] + s[1] + s[2];
          };
      if (observed <= 0) {
        continue;
      }
      Endpoints pair = entry.getKey();
      Placement src = pods.placement(pair.source().pod());
      Placement dst = pods.placement(pair.destination().pod());
      String srcZone = zone(pair.source(), src);
      String dstZone = zone(pair.destination(), dst);
      WorkloadRef srcWorkload = workload(pair.source());
      WorkloadRef dstWorkload = workload(pair.destination());
      if (!filter.test(srcWorkload, dstWorkload)) {
        continue;
      }
      if (byCluster) {
        srcWorkload = srcWorkload.withCluster(pair.source().pod().cluster());
        dstWorkload = dstWorkload.withCluster(pair.destination().pod().cluster());
      }
      TrafficKey key =
          new TrafficKey(
              groupBy.of(srcWorkload, pair.source().pod().pod()),
              groupBy.of(dstWorkload, pair.destination().pod().pod()),
              srcZone,
              dstZone);
      Boolean sameNode = src.knowsNode() && dst.knowsNode() ? src.node().equals(dst.node()) : null;
      if (sameNode == null) {
        stats.pairsWithUnknownNode++;
      }
      count(pair.source(), srcZone, stats);
      count(pair.destination(), dstZone, stats);
      halves.merge(
          key, Math.round(observed * 2 / dedupe.observationsPerByte(level, sameNode)), Long::sum);
      stats.podPairs++;
    }
    List<TrafficRow> rows = new ArrayList<>();
    halves.forEach(
        (key, h) -> {
          long bytes = (h + 1) / 2; // round half up, once per row
          if (bytes > 0) {
            rows.add(new TrafficRow(key, bytes));
          }
        });
    rows.sort(TrafficRow.DEFAULT_ORDER);
    return new Result(
        rows,
        new Stats(
            seriesAdded,
            stats.podPairs,
            stats.pairsWithUnknownNode,
            stats.byRetina,
            stats.byKubeStateMetrics,
            stats.withoutZone,
            pods.ambiguousLookups()));
  }

  /** Retina's own zone label where present and known, else kube-state-metrics' join. */
  private static String zone(Endpoint endpoint, Placement placement) {
    if (!Zones.isUnknown(endpoint.nativeZone())) {
      return endpoint.nativeZone();
    }
    return Zones.normalize(placement.zone());
  }

  private static void count(Endpoint endpoint, String zone, Tally stats) {
    if (!Zones.isUnknown(endpoint.nativeZone())) {
      stats.byRetina++;
    } else if (!Zones.isUnknown(zone)) {
      stats.byKubeStateMetrics++;
    } else {
      stats.withoutZone++;
    }
  }

  private WorkloadRef workload(Endpoint e) {
    return workloads.resolve(
        e.pod().cluster(), e.pod().namespace(), e.workloadKind(), e.workloadName(), e.pod().pod());
  }

  /** Both ends of a pod pair. */
  private record Endpoints(Endpoint source, Endpoint destination) {}

  public record Result(List<TrafficRow> rows, Stats stats) {}

  /** Counts that tell the user how the rows were attributed. */
  public record Stats(
      long series,
      long podPairs,
      long pairsWithUnknownNode,
      long endpointsZonedByRetina,
      long endpointsZonedByKubeStateMetrics,
      long endpointsWithoutZone,
      int ambiguousPods) {}

  /** The mutable tally behind {@link Stats} while rows are built. */
  private static final class Tally {
    long podPairs;
    long pairsWithUnknownNode;
    long byRetina;
    long byKubeStateMetrics;
    long withoutZone;
  }
}
