package dev.zonecost.report;

import dev.zonecost.accounting.Calibration;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadResolver;
import dev.zonecost.engine.EngineResult;
import dev.zonecost.promql.LabelledQuery;
import java.time.Instant;
import java.util.List;

/**
 * Every choice behind the numbers, so a reader can tell how they were made (DESIGN §3).
 *
 * @param zoneSource {@code retina}, {@code kube-state-metrics}, {@code mixed} or {@code none}
 * @param notes short sentences the table footer prints and JSON carries
 * @param start where the window really begins: the data's start when it was clipped
 * @param edges the window's start edge: requested start, clipping, born and baseline series
 * @param calibration the observations per byte measured against cAdvisor, or null without it
 * @param rollups the CronJobs of the rows whose Jobs (runs) were rolled into them, each with its
 *     Jobs
 */
public record ReportMetadata(
    int schemaVersion,
    String toolVersion,
    Instant start,
    Instant end,
    String algorithm,
    String dedupe,
    String dataAggregationLevel,
    String zoneSource,
    String backendVersion,
    long series,
    long resetSeries,
    long podPairs,
    long endpointsWithoutZone,
    int ambiguousPods,
    List<LabelledQuery> queries,
    List<String> warnings,
    List<String> notes,
    GroupBy groupBy,
    Selection selection,
    boolean byCluster,
    WindowEdges edges,
    Calibration calibration,
    List<WorkloadResolver.CronJobRuns> rollups) {

  public static final int SCHEMA_VERSION = 1;

  /** A note that asks the reader to act starts with this; every other note is information. */
  public static final String TO_DO = "to do: ";

  /** The notes, those that ask for action first, each group in its own order. */
  public List<String> notesActionsFirst() {
    List<String> out = new java.util.ArrayList<>();
    notes.stream().filter(n -> n.startsWith(TO_DO)).forEach(out::add);
    notes.stream().filter(n -> !n.startsWith(TO_DO)).forEach(out::add);
    return out;
  }

  public ReportMetadata {
    rollups = List.copyOf(rollups);
  }

  /** Metadata without roll-ups. */
  public ReportMetadata(
      int schemaVersion,
      String toolVersion,
      Instant start,
      Instant end,
      String algorithm,
      String dedupe,
      String dataAggregationLevel,
      String zoneSource,
      String backendVersion,
      long series,
      long resetSeries,
      long podPairs,
      long endpointsWithoutZone,
      int ambiguousPods,
      List<LabelledQuery> queries,
      List<String> warnings,
      List<String> notes,
      GroupBy groupBy,
      Selection selection,
      boolean byCluster,
      WindowEdges edges,
      Calibration calibration) {
    this(
        schemaVersion,
        toolVersion,
        start,
        end,
        algorithm,
        dedupe,
        dataAggregationLevel,
        zoneSource,
        backendVersion,
        series,
        resetSeries,
        podPairs,
        endpointsWithoutZone,
        ambiguousPods,
        queries,
        warnings,
        notes,
        groupBy,
        selection,
        byCluster,
        edges,
        calibration,
        List.of());
  }

  /** The notes about a half-broken set-up the report was made from, which {@code check} repeats. */
  public List<String> setUpNotes() {
    return notes.stream().filter(n -> n.startsWith(EngineResult.SET_UP_NOTE)).toList();
  }
}
