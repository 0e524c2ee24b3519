package dev.zonecost.engine;

import dev.zonecost.accounting.Calibration;
import dev.zonecost.accounting.NodeBytes;
import dev.zonecost.accounting.Sources;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.source.ByteSource;
import java.util.List;
import java.util.Map;

/**
 * The rows and everything the report must say about how they were made.
 *
 * @param byteSource the source the rows were read from ({@code retina}, {@code beyla}, {@code
 *     istio})
 * @param kube what kube-state-metrics gave the join (pods, renamed labels, CronJobs' runs)
 * @param sourceNotes what the choice of source means for the rows (auto's choice, other sources
 *     with data, what the source cannot see); empty for Retina chosen alone
 * @param byNode per node, the bytes its network carried by locality ({@code reconcile}); empty
 *     where the rows were not aggregated here (recorded series)
 */
public record EngineResult(
    List<TrafficRow> rows,
    TrafficAggregator.Stats stats,
    long resetSeries,
    String backendVersion,
    boolean leftOpenRanges,
    List<LabelledQuery> queriesSent,
    List<String> warnings,
    WindowEdges edges,
    Map<TrafficKey, Sources> sources,
    Calibration calibration,
    String byteSource,
    List<String> sourceNotes,
    KubeJoin kube,
    Map<String, NodeBytes> byNode) {

  /**
   * How a note about a half-broken set-up begins (a source scraped twice, agents whose copies match
   * no node): {@code check} repeats these notes beside its verdict.
   */
  public static final String SET_UP_NOTE = ByteSource.SET_UP_NOTE;

  /** A result without kube-state-metrics' facts (recorded series) and per-node bytes. */
  public EngineResult(
      List<TrafficRow> rows,
      TrafficAggregator.Stats stats,
      long resetSeries,
      String backendVersion,
      boolean leftOpenRanges,
      List<LabelledQuery> queriesSent,
      List<String> warnings,
      WindowEdges edges,
      Map<TrafficKey, Sources> sources,
      Calibration calibration,
      String byteSource,
      List<String> sourceNotes) {
    this(
        rows,
        stats,
        resetSeries,
        backendVersion,
        leftOpenRanges,
        queriesSent,
        warnings,
        edges,
        sources,
        calibration,
        byteSource,
        sourceNotes,
        KubeJoin.NONE,
        Map.of());
  }

  /** The same result with further queries sent (auto's probes) and notes about the source. */
  public EngineResult with(List<LabelledQuery> moreQueries, List<String> moreNotes) {
    List<LabelledQuery> queries = new java.util.ArrayList<>(queriesSent);
    queries.addAll(moreQueries);
    List<String> notes = new java.util.ArrayList<>(sourceNotes);
    notes.addAll(moreNotes);
    return new EngineResult(
        rows,
        stats,
        resetSeries,
        backendVersion,
        leftOpenRanges,
        List.copyOf(queries),
        warnings,
        edges,
        sources,
        calibration,
        byteSource,
        List.copyOf(notes),
        kube,
        byNode);
  }
}
