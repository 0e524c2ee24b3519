package dev.zonecost.report;

import dev.zonecost.accounting.Calibration;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.NodeTraffic;
import dev.zonecost.accounting.ObservationsPerByte;
import dev.zonecost.accounting.Sources;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadResolver;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.EngineResult;
import dev.zonecost.engine.KubeJoin;
import dev.zonecost.time.TimeParsing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the report model from an engine result and the request that made it. */
public final class ReportBuilder {
  private ReportBuilder() {}

  public static Report build(
      EngineRequest request,
      EngineResult result,
      String toolVersion,
      CostEstimator prices,
      RowOrder.SortBy sortBy,
      Integer top) {
    TrafficAggregator.Stats st = result.stats();
    List<String> notes = new ArrayList<>();
    notes.add(
        "bytes per window: reset-aware increase of each series over the window, not extrapolated");
    boolean retinaSource = result.byteSource().equals("retina");
    notes.addAll(result.sourceNotes());
    notes.add(retinaSource ? dedupeNote(request) : SourceNotes.copies(result.byteSource()));
    if (retinaSource && request.dedupe() == DedupeMode.AUTO) {
      notes.addAll(provenanceNotes(st.provenance()));
    }
    if (retinaSource && request.dedupe() == DedupeMode.INGRESS) {
      notes.add("ingress mode misses pods talking on one node: Retina reports them as EGRESS only");
    }
    if (retinaSource
        && st.pairsWithUnknownNode() > 0
        && request.level() == DataAggregationLevel.HIGH) {
      notes.add(
          st.pairsWithUnknownNode()
              + " pod pairs without a known node for both pods were taken to be on different nodes");
    }
    if (retinaSource && st.unknownDirectionBytes() > 0) {
      notes.add(
          bytes(st.unknownDirectionBytes())
              + " (as observed) of series whose direction is neither EGRESS nor INGRESS"
              + " (Retina's TRAFFIC_DIRECTION_UNKNOWN) were left out: where they were seen is"
              + " unknown, so they cannot be counted once (--dedupe none adds them)");
    }
    if (retinaSource && st.nodeEndBytes() > 0) {
      notes.add(
          bytes(st.nodeEndBytes())
              + " went to or from nodes (kubelet, host-network pods, NodePort traffic a node"
              + " forwarded), counted once by where they were seen"
              + (request.places().nodeTraffic() == NodeTraffic.NAME
                  ? ": rows of kind Node, in namespace " + NodeTraffic.NAMESPACE
                  : ": booked as unknown ends (--node-traffic unknown)"));
    }
    notes.addAll(kubeNotes(result.kube(), result.rows()));
    if (st.ambiguousPods() > 0) {
      notes.add(
          st.ambiguousPods()
              + " pod lookups matched nodes in different zones and were left unknown");
    }
    notes.add(
        retinaSource
            ? "Retina counts IPv4 TCP and UDP only; IPv6 traffic is not in these numbers"
            : SourceNotes.blindSpots(result.byteSource()));
    WindowEdges edges = result.edges();
    Calibration cal = result.calibration();
    if (cal != null && cal.disagrees()) {
      notes.add(
          ReportMetadata.TO_DO
              + String.format(
                  java.util.Locale.ROOT,
                  "measured against the kernel's counters (cAdvisor, median of %d pods), each byte is"
                      + " observed %.2f times per node, not the %d that --data-aggregation-level %s"
                      + " divides by: run `zonecost doctor` (an overlay CNI observes once at low)",
                  cal.pods(),
                  cal.observationsPerByte(),
                  cal.divisor(),
                  request.level().label()));
    }
    if (edges.clipped()) {
      notes.add(clippedNote(edges));
    }
    if (edges.unknowableSeries() > 0) {
      notes.add(
          edges.unknowableSeries()
              + " series began with their agent's data (no sample in the "
              + TimeParsing.format(edges.lookBehind())
              + " look-behind): their first value is a baseline, not counted; expected where"
              + " Retina, Prometheus or a node's agent started in or just before the window,"
              + " nothing to do");
    }
    // Another source has its own copy rule and no aggregation level: a baseline of one source is
    // then refused for another.
    ReportMetadata md =
        metadata(
            request,
            result,
            "window",
            retinaSource ? request.dedupe().label() : result.byteSource(),
            retinaSource ? request.level().label() : "n/a",
            zoneSource(st, result.byteSource()),
            notes,
            toolVersion);
    md = withRollups(md, rollupsOfRows(result.kube().cronJobs(), result.rows()));
    List<TrafficRow> printed = RowOrder.apply(result.rows(), sortBy, top, prices);
    return Report.of(md, printed, prices, printedSources(result.sources(), printed));
  }

  /**
   * A report from {@code zonecost rules}' recorded per-pair series ({@code report
   * --use-recording-rules}): the rows as recorded, with the caveats of the expression the rules are
   * built on.
   */
  public static Report buildRecorded(
      EngineRequest request,
      EngineResult result,
      java.time.Duration interval,
      List<String> caveats,
      String toolVersion,
      CostEstimator prices,
      RowOrder.SortBy sortBy,
      Integer top) {
    List<String> notes = new ArrayList<>();
    notes.add(
        "bytes per window: the recording rules' per-"
            + TimeParsing.format(interval)
            + " series ("
            + dev.zonecost.monitoring.RecordedQueries.series(interval)
            + ") summed over the window, whose edges are rounded to whole intervals");
    notes.add(
        "dedupe and aggregation level are those the rules were generated with (zonecost rules "
            + "--dedupe/--data-aggregation-level); this run cannot check them");
    caveats.forEach(c -> notes.add("recording rules: " + c));
    ReportMetadata md =
        metadata(
            request,
            result,
            "recording-rules",
            request.dedupe().label(),
            request.level().label(),
            "kube-state-metrics",
            notes,
            toolVersion);
    List<TrafficRow> printed = RowOrder.apply(result.rows(), sortBy, top, prices);
    return Report.of(md, printed, prices, Map.of());
  }

  private static ReportMetadata metadata(
      EngineRequest request,
      EngineResult result,
      String algorithm,
      String dedupe,
      String level,
      String zoneSource,
      List<String> notes,
      String toolVersion) {
    TrafficAggregator.Stats st = result.stats();
    WindowEdges edges = result.edges();
    return new ReportMetadata(
        ReportMetadata.SCHEMA_VERSION,
        toolVersion,
        edges.effectiveStart(),
        request.end(),
        algorithm,
        dedupe,
        level,
        zoneSource,
        result.backendVersion(),
        st.series(),
        result.resetSeries(),
        st.podPairs(),
        st.endpointsWithoutZone(),
        st.ambiguousPods(),
        result.queriesSent(),
        result.warnings(),
        List.copyOf(notes),
        request.groupBy(),
        request.selection(),
        request.byCluster(),
        edges,
        result.calibration());
  }

  /**
   * The sources of the printed rows: each row's own, and for an {@code (others)} row of {@code
   * --top} the sum over the rows it folded (same zone pair, not printed).
   */
  static Map<TrafficKey, Sources> printedSources(
      Map<TrafficKey, Sources> all, List<TrafficRow> printed) {
    if (all.isEmpty()) {
      return Map.of();
    }
    Map<TrafficKey, Sources> out = new HashMap<>();
    Set<TrafficKey> shown = new HashSet<>();
    printed.forEach(r -> shown.add(r.key()));
    for (TrafficRow r : printed) {
      if (all.containsKey(r.key())) {
        out.put(r.key(), all.get(r.key()));
      }
    }
    all.forEach(
        (k, v) -> {
          if (!shown.contains(k)) {
            TrafficKey others =
                new TrafficKey(
                    RowOrder.OTHERS, RowOrder.OTHERS, k.sourceZone(), k.destinationZone());
            if (shown.contains(others)) {
              out.merge(others, v, Sources::plus);
            }
          }
        });
    return out;
  }

  /**
   * What kube-state-metrics' join says: labels read from their {@code exported_} twins, and the
   * CronJobs' runs rolled up in the rows.
   */
  static List<String> kubeNotes(KubeJoin kube, List<TrafficRow> rows) {
    List<String> notes = new ArrayList<>();
    if (kube.exportedPods() > 0) {
      notes.add(
          ReportMetadata.TO_DO
              + "kube-state-metrics' namespace, pod and service labels read from exported_namespace,"
              + " exported_pod and exported_service ("
              + kube.exportedPods()
              + " of "
              + kube.pods()
              + " pods): it is scraped without honor_labels, so the scrape target's labels took"
              + " their names — set honorLabels: true on its ServiceMonitor (Helm:"
              + " prometheus.monitor.honorLabels=true; plain Prometheus: honor_labels: true)");
    }
    List<WorkloadResolver.CronJobRuns> cronJobs = rollupsOfRows(kube.cronJobs(), rows);
    if (!cronJobs.isEmpty()) {
      int runs = cronJobs.stream().mapToInt(WorkloadResolver.CronJobRuns::runs).sum();
      boolean byName = cronJobs.stream().anyMatch(c -> !c.byOwner());
      notes.add(
          runs
              + " Jobs rolled up into "
              + cronJobs.size()
              + " CronJobs"
              + (byName
                  ? " (kube_job_owner, else the name less its scheduled-time suffix)"
                  : " (kube_job_owner)")
              + "; runs per CronJob in the JSON's metadata.rollups");
    }
    return notes;
  }

  /** The CronJobs that name a row (as either end), in the resolver's order. */
  static List<WorkloadResolver.CronJobRuns> rollupsOfRows(
      List<WorkloadResolver.CronJobRuns> all, List<TrafficRow> rows) {
    if (all.isEmpty()) {
      return List.of();
    }
    Set<String> named = new HashSet<>();
    for (TrafficRow r : rows) {
      for (var w : List.of(r.key().source(), r.key().destination())) {
        if (w.kind().equals("CronJob")) {
          named.add(w.namespace() + "/" + w.name());
        }
      }
    }
    return all.stream()
        .filter(c -> named.contains(c.cronJob().namespace() + "/" + c.cronJob().name()))
        .toList();
  }

  private static ReportMetadata withRollups(
      ReportMetadata m, List<WorkloadResolver.CronJobRuns> rollups) {
    return new ReportMetadata(
        m.schemaVersion(),
        m.toolVersion(),
        m.start(),
        m.end(),
        m.algorithm(),
        m.dedupe(),
        m.dataAggregationLevel(),
        m.zoneSource(),
        m.backendVersion(),
        m.series(),
        m.resetSeries(),
        m.podPairs(),
        m.endpointsWithoutZone(),
        m.ambiguousPods(),
        m.queries(),
        m.warnings(),
        m.notes(),
        m.groupBy(),
        m.selection(),
        m.byCluster(),
        m.edges(),
        m.calibration(),
        rollups);
  }

  /** The sentence a clipped window gets, in the footer, the JSON notes and on stderr. */
  public static String clippedNote(WindowEdges edges) {
    return "window clipped: the data begins at "
        + edges.dataStart()
        + ", after the requested start "
        + edges.requestedStart()
        + "; the report covers "
        + edges.dataStart()
        + " onwards";
  }

  /** A byte count in a note: exact, with its unit ({@code 2,835,250,361 bytes}). */
  static String bytes(long b) {
    return String.format(java.util.Locale.ROOT, "%,d bytes", b);
  }

  private static String dedupeNote(EngineRequest r) {
    return ObservationsPerByte.note(r.dedupe(), r.level());
  }

  /** Where auto's bytes came from, and what it left out as repeats. */
  static List<String> provenanceNotes(TrafficAggregator.Provenance p) {
    List<String> notes = new ArrayList<>();
    notes.add(
        "bytes by kind of series: peer INGRESS "
            + bytes(p.fromIngress())
            + ", opener EGRESS "
            + bytes(p.fromEgress())
            + ", outside (EGRESS to an unknown peer) "
            + bytes(p.outside())
            + "; left out as repeats: ClusterIP series "
            + bytes(p.serviceSeriesLeftOut())
            + ", masqueraded node-IP series "
            + bytes(p.masqueradedLeftOut()));
    if (!p.servicesKnown() && p.outside() > 0) {
      notes.add(
          ReportMetadata.TO_DO
              + "no kube_service_info: ClusterIP series cannot be told from traffic leaving the"
              + " cluster, so up to "
              + bytes(p.outside())
              + " of outside traffic may count Service traffic a second time — export Services from"
              + " kube-state-metrics");
    }
    return notes;
  }

  private static String zoneSource(TrafficAggregator.Stats st, String byteSource) {
    boolean retina = st.endpointsZonedByRetina() > 0;
    boolean ksm = st.endpointsZonedByKubeStateMetrics() > 0;
    if (retina && ksm) {
      return "mixed";
    }
    return retina ? byteSource : ksm ? "kube-state-metrics" : "none";
  }
}
