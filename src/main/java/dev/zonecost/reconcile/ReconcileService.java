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
import java.math.RoundingMode;
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
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);

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
    Duration g = requireUsable(bill, every);
    Instant start = ceil(request.start(), g);
    Instant end = floor(request.end(), g);
    if (!start.isBefore(end)) {
      throw new NoDataException(
          "the window "
              + request.start()
              + " .. "
              + request.end()
              + " holds no whole bill "
              + (g.equals(HOUR) ? "hour" : "day")
              + ": widen it");
    }
    List<Instant[]> buckets = cut(start, end, every == null ? Duration.between(start, end) : every);
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
        billedPerBucket(bill, buckets, instances, skipped);
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
          bucketRows(
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
              + (g.equals(HOUR) ? "hours" : "days")
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
            + (skipped.isEmpty() ? "" : "; left out: " + leftOut(skipped)));
    if (bill.readGb()) {
      notes.add("the bill's GB read as " + billUnit + " (--bill-unit)");
    }
    if (bill.currencies().size() > 1) {
      notes.add("the bill has several currencies: " + bill.currencies() + "; costs are summed");
    }
    String rate = rateNote(rows, pricePerUnitSide, unitBytes, currency);
    if (rate != null) {
      notes.add(rate);
    }
    return new Reconciliation(
        request.start(), request.end(), start, end, g, every, billUnit, rows, notes);
  }

  /** The bill's granularity, refused where it cannot be compared. */
  private static Duration requireUsable(Bill bill, Duration every) {
    if (bill.rows() == 0) {
      throw new NoDataException("the bill is empty: no rows in the files given with --bill");
    }
    if (bill.selected() == 0) {
      throw new NoDataException(
          "the bill has no inter-zone data transfer rows ("
              + bill.rows()
              + " rows read: usage type *DataTransfer-Regional-Bytes with InterZone-In/Out, or"
              + " GCP's Network Inter Zone Egress)");
    }
    if (bill.withoutResourceId() == bill.selected()) {
      throw new NoDataException(
          "the bill's inter-zone rows have no resource ids: export it with \"include resource"
              + " IDs\" (CUR 2.0: INCLUDE_RESOURCES) to match them to nodes");
    }
    Duration g = bill.granularity();
    if (!g.equals(HOUR) && !g.equals(DAY)) {
      throw new NoDataException(
          "the bill's rows span "
              + g.toHours()
              + " hours each: reconcile compares hourly or daily bills; export with hourly"
              + " granularity");
    }
    if (every != null && (every.compareTo(g) < 0 || every.toMillis() % g.toMillis() != 0)) {
      throw new UsageException(
          "the bill is "
              + (g.equals(HOUR) ? "hourly" : "daily")
              + ": --every must be a whole number of its periods (--every "
              + (g.equals(HOUR) ? "1h" : "1d")
              + " or longer), not "
              + every.toMinutes()
              + "m");
    }
    return g;
  }

  /** Per bucket index, per resource id, the bill's sums; rows outside or in another region out. */
  private static Map<Integer, Map<String, Bill.Sums>> billedPerBucket(
      Bill bill, List<Instant[]> buckets, NodeInstances instances, Map<Skip, Long> skipped) {
    Set<String> regions = instances.regions();
    Map<Integer, Map<String, Bill.Sums>> out = new TreeMap<>();
    for (Map.Entry<Bill.Cell, Bill.Sums> e : bill.cells().entrySet()) {
      Bill.Cell c = e.getKey();
      if (!c.region().isEmpty() && !regions.isEmpty() && !regions.contains(c.region())) {
        skipped.merge(Skip.OTHER_REGION, 1L, Long::sum);
        continue;
      }
      int b = bucketOf(buckets, c.start(), c.end());
      if (b < 0) {
        skipped.merge(Skip.OUTSIDE_WINDOW, 1L, Long::sum);
        continue;
      }
      Map<String, Bill.Sums> m = out.computeIfAbsent(b, k -> new LinkedHashMap<>());
      Bill.Sums s = m.get(c.resourceId());
      m.put(c.resourceId(), s == null ? e.getValue() : Bill.Sums.plus(s, e.getValue()));
    }
    return out;
  }

  private static int bucketOf(List<Instant[]> buckets, Instant from, Instant to) {
    for (int i = 0; i < buckets.size(); i++) {
      Instant[] b = buckets.get(i);
      if (!from.isBefore(b[0]) && !to.isAfter(b[1])) {
        return i;
      }
    }
    return -1;
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

  private static List<ReconcileRow> bucketRows(
      Instant[] bucket,
      Map<String, Bill.Sums> billed,
      Map<String, NodeBytes> measured,
      NodeInstances instances,
      Map<String, String> zones,
      Map<String, List<String>> hostNetwork,
      Map<String, GapReasons.NicBytes> nics,
      String currency) {
    Map<String, String> resources = new TreeMap<>(); // resource id -> node ("" when none)
    billed.keySet().forEach(id -> resources.put(id, orEmpty(instances.node(id))));
    Set<String> billedNodes = new java.util.HashSet<>(resources.values());
    measured.forEach(
        (node, b) -> {
          // a node billed under its name (GCP) or its instance (AWS) has one row
          if (!billedNodes.contains(node)
              && b.crossOut() + b.crossIn() + b.unknownOut() + b.unknownIn() > 0) {
            resources.putIfAbsent(instances.resourceOfNode(node), node);
          }
        });
    List<ReconcileRow> rows = new ArrayList<>();
    long[] t = new long[6];
    BigDecimal cost = BigDecimal.ZERO;
    for (Map.Entry<String, String> r : resources.entrySet()) {
      Bill.Sums s = billed.get(r.getKey());
      long out = s == null ? 0 : bytes(s.out());
      long in = s == null ? 0 : bytes(s.in());
      BigDecimal c = s == null ? BigDecimal.ZERO : s.cost();
      String node = r.getValue();
      NodeBytes m = node.isEmpty() ? NodeBytes.NONE : measured.getOrDefault(node, NodeBytes.NONE);
      ResourceKind kind = node.isEmpty() ? ResourceKind.notANode(r.getKey()) : ResourceKind.NODE;
      String zone = node.isEmpty() ? "" : zones.getOrDefault(node, "");
      if (zone.isEmpty() && !node.isEmpty()) {
        zone = instances.providerZone(node);
      }
      ReconcileRow row =
          new ReconcileRow(
              bucket[0],
              bucket[1],
              r.getKey(),
              kind,
              node,
              zone,
              out,
              in,
              c,
              currency,
              m.crossOut(),
              m.crossIn(),
              m.unknownOut(),
              m.unknownIn(),
              List.of());
      List<String> reasons =
          row.unexplainedOut() + row.unexplainedIn() == 0
              ? List.of()
              : kind == ResourceKind.NODE
                  ? GapReasons.forNode(
                      GapReasons.hostNetwork(hostNetwork, node),
                      m.unknownOut() + m.unknownIn(),
                      instances.internalIp(node),
                      nics.get(node))
                  : GapReasons.forOther(kind);
      rows.add(withReasons(row, reasons));
      t[0] += out;
      t[1] += in;
      t[2] += m.crossOut();
      t[3] += m.crossIn();
      t[4] += m.unknownOut();
      t[5] += m.unknownIn();
      cost = cost.add(c);
    }
    rows.add(
        new ReconcileRow(
            bucket[0], bucket[1], "total", null, "", "", t[0], t[1], cost, currency, t[2], t[3],
            t[4], t[5], List.of()));
    return rows;
  }

  private static ReconcileRow withReasons(ReconcileRow r, List<String> reasons) {
    return new ReconcileRow(
        r.hourStart(),
        r.hourEnd(),
        r.resourceId(),
        r.kind(),
        r.node(),
        r.zone(),
        r.billedOut(),
        r.billedIn(),
        r.billedCost(),
        r.currency(),
        r.measuredCrossOut(),
        r.measuredCrossIn(),
        r.outsideOut(),
        r.outsideIn(),
        List.copyOf(reasons));
  }

  /** The bill's implied price per unit and side, against the price book's. */
  private static String rateNote(
      List<ReconcileRow> rows, BigDecimal bookPrice, BigDecimal unitBytes, String currency) {
    if (bookPrice == null || unitBytes == null) {
      return null;
    }
    long bytes = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (ReconcileRow r : rows) {
      if (r.isTotal()) {
        bytes += r.billedOut() + r.billedIn();
        cost = cost.add(r.billedCost());
      }
    }
    if (bytes == 0 || cost.signum() == 0) {
      return null;
    }
    BigDecimal implied =
        cost.multiply(unitBytes).divide(BigDecimal.valueOf(bytes), 6, RoundingMode.HALF_UP);
    BigDecimal diff = implied.subtract(bookPrice).abs();
    String unit = unitBytes.compareTo(BigDecimal.valueOf(1L << 30)) == 0 ? "GiB" : "GB";
    String says =
        "the bill's implied rate is "
            + implied.stripTrailingZeros().toPlainString()
            + " "
            + currency
            + " per "
            + unit
            + " and side";
    if (diff.compareTo(bookPrice.movePointLeft(2)) <= 0) {
      return says + ", as the price book's " + bookPrice.stripTrailingZeros().toPlainString();
    }
    return says
        + "; the price book says "
        + bookPrice.stripTrailingZeros().toPlainString()
        + ": a discount, another price, or another unit (--bill-unit)";
  }

  private static String leftOut(Map<Skip, Long> skipped) {
    StringBuilder sb = new StringBuilder();
    skipped.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? "" : "; ").append(v).append(' ').append(k.description()));
    return sb.toString();
  }

  private static long bytes(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static Instant ceil(Instant t, Duration g) {
    long ms = g.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli() + ms - 1, ms) * ms);
  }

  static Instant floor(Instant t, Duration g) {
    long ms = g.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
  }

  /** Buckets of {@code every} at its multiples since the epoch, the first and last shorter. */
  static List<Instant[]> cut(Instant start, Instant end, Duration every) {
    List<Instant[]> out = new ArrayList<>();
    Instant from = start;
    Instant edge = floor(start, every).plus(every);
    while (edge.isBefore(end)) {
      out.add(new Instant[] {from, edge});
      from = edge;
      edge = edge.plus(every);
    }
    out.add(new Instant[] {from, end});
    return out;
  }
}
