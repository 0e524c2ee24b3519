package dev.zonecost.reconcile;

import dev.zonecost.accounting.NodeBytes;
import dev.zonecost.accounting.NodeZones;
import dev.zonecost.bill.Bill;
import dev.zonecost.bill.InterZoneRules.Skip;
import dev.zonecost.common.NoDataException;
import dev.zonecost.common.UsageException;
import dev.zonecost.engine.ByteSources;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.EngineResult;
import dev.zonecost.engine.EngineRun;
import dev.zonecost.engine.EngineSettings;
import dev.zonecost.engine.ReportQueries;
import dev.zonecost.engine.SeriesValidator;
import dev.zonecost.kube.KubeQueries;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Series;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The reconcile use case: trims the window to the bill's whole periods, measures each bucket with
 * the engine (per node, by locality), and joins the bill's resources to the nodes.
 */
public final class ReconcileService {
  private final PrometheusApi api;
  private final EngineSettings engine;

  public ReconcileService(PrometheusApi api, EngineSettings engine) {
    this.api = api;
    this.engine = engine;
  }

  /**
   * What the bill says against what was measured.
   *
   * @param every the bucket length, null for one bucket over the whole window
   * @param pricePerUnitSide the price book's price per unit and side, with {@code unitBytes}, for
   *     the note on the bill's implied rate (null: no note)
   */
  public Reconciliation reconcile(
      EngineRequest request,
      Bill bill,
      Duration every,
      String billUnit,
      BigDecimal pricePerUnitSide,
      BigDecimal unitBytes) {
    Duration g = BillPeriods.requireUsable(bill, every);
    Instant start = BillPeriods.ceil(request.start(), g);
    Instant end = BillPeriods.floor(request.end(), g);
    if (!start.isBefore(end)) {
      throw new NoDataException(
          "the window "
              + request.start()
              + " .. "
              + request.end()
              + " holds no whole bill "
              + (g.equals(BillPeriods.HOUR) ? "hour" : "day")
              + ": widen it");
    }
    List<Instant[]> buckets =
        BillPeriods.cut(start, end, every == null ? Duration.between(start, end) : every);
    EngineRequest trimmed = request.withWindow(start, end);
    KubeQueries kube =
        ReportQueries.firstNames(
                trimmed, engine.ranges().leftOpen(api.version()), ByteSources.RETINA)
            .kube();
    SeriesValidator validated = new SeriesValidator(api, request.names());
    NodeInstances instances = new NodeInstances();
    Map<String, String> clusterOf = new TreeMap<>();
    String clusterLabel = request.names().clusterLabel();
    for (Series s : api.query(kube.nodeInstances(), end).series()) {
      String node = s.label("node");
      String other = clusterOf.putIfAbsent(node, s.label(clusterLabel));
      if (other != null && !other.equals(s.label(clusterLabel))) {
        throw new UsageException(
            "kube_node_info names node "
                + node
                + " in two clusters ("
                + clusterLabel
                + " "
                + other
                + " and "
                + s.label(clusterLabel)
                + "): reconcile reads one cluster, select it with --cluster");
      }
      instances.add(node, s.label("provider_id"), s.label("internal_ip"));
    }
    Map<String, String> zones = new LinkedHashMap<>();
    for (Series s : api.query(kube.nodeZones(), end).series()) {
      zones.put(s.label("node"), NodeZones.of(s::label, request.names().zoneLabel()));
    }
    Map<String, List<String>> hostNetwork = new TreeMap<>();
    for (Series s : api.query(kube.hostNetworkPods(), end).series()) {
      hostNetwork
          .computeIfAbsent(s.label("node"), k -> new ArrayList<>())
          .add(s.label("namespace") + "/" + s.label("pod"));
    }
    if (!instances.hasInstances()) {
      throw new NoDataException(
          "no kube_node_info with a provider_id in "
              + start
              + " .. "
              + end
              + ": reconcile matches the bill to nodes by it (kube-state-metrics exports it by"
              + " default)");
    }
    Map<Skip, Long> skipped = new EnumMap<>(Skip.class);
    skipped.putAll(bill.skipped());
    Map<Integer, Map<String, Bill.Sums>> billed =
        BillPeriods.billedPerBucket(bill, buckets, instances, skipped);
    boolean anyNode =
        billed.values().stream()
            .flatMap(m -> m.keySet().stream())
            .anyMatch(id -> instances.node(id) != null);
    if (!anyNode) {
      Set<String> ids = new TreeSet<>();
      billed.values().forEach(m -> ids.addAll(m.keySet()));
      throw new NoDataException(
          ids.isEmpty()
              ? "the bill has no inter-zone rows in the window's whole periods "
                  + start
                  + " .. "
                  + end
              : "none of the bill's "
                  + ids.size()
                  + " resources in "
                  + start
                  + " .. "
                  + end
                  + " is a node of this cluster (kube_node_info provider_id), e.g. "
                  + ids.iterator().next()
                  + ": a bill of another account or cluster?");
    }
    List<Map<String, NodeBytes>> measured = measure(trimmed, buckets, validated);
    List<Map<String, GapReasons.NicBytes>> nics = new ArrayList<>();
    for (Instant[] b : buckets) {
      KubeQueries k =
          ReportQueries.firstNames(
                  request.withWindow(b[0], b[1]),
                  engine.ranges().leftOpen(api.version()),
                  ByteSources.RETINA)
              .kube();
      nics.add(NodeNics.read(api, k, b[1], instances));
    }
    String currency = bill.currencies().isEmpty() ? "" : bill.currencies().first();
    List<ReconcileRow> rows = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      rows.addAll(
          BucketRows.of(
              buckets.get(i),
              billed.getOrDefault(i, Map.of()),
              measured.get(i),
              instances,
              zones,
              hostNetwork,
              nics.get(i),
              currency));
    }
    List<String> notes = new ArrayList<>();
    if (!start.equals(request.start()) || !end.equals(request.end())) {
      notes.add(
          "window trimmed to the bill's whole "
              + (g.equals(BillPeriods.HOUR) ? "hours" : "days")
              + ": "
              + start
              + " .. "
              + end
              + " (asked: "
              + request.start()
              + " .. "
              + request.end()
              + ")");
    }
    notes.add(
        bill.selected()
            + " of "
            + bill.rows()
            + " bill rows are inter-zone data transfer"
            + (skipped.isEmpty() ? "" : "; left out: " + BillPeriods.leftOut(skipped)));
    if (bill.readGb()) {
      notes.add("the bill's GB read as " + billUnit + " (--bill-unit)");
    }
    if (bill.currencies().size() > 1) {
      notes.add("the bill has several currencies: " + bill.currencies() + "; costs are summed");
    }
    String rate = BucketRows.rateNote(rows, pricePerUnitSide, unitBytes, currency);
    if (rate != null) {
      notes.add(rate);
    }
    return new Reconciliation(
        request.start(), request.end(), start, end, g, every, billUnit, rows, notes);
  }

  /** Each bucket measured by its own engine, sharing one run's pool. */
  private List<Map<String, NodeBytes>> measure(
      EngineRequest request, List<Instant[]> buckets, SeriesValidator validated) {
    try (EngineRun run = engine.newRun()) {
      List<Supplier<Map<String, NodeBytes>>> work = new ArrayList<>();
      for (Instant[] b : buckets) {
        work.add(
            () -> {
              EngineResult r = engine.engine(validated, run).run(request.withWindow(b[0], b[1]));
              return r.byNode();
            });
      }
      return run.all(work);
    }
  }
}
