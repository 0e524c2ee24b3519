package dev.zonecost.reconcile;

import dev.zonecost.accounting.NodeBytes;
import dev.zonecost.bill.Bill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One bucket's rows: each billed resource or measured node against the other side, and a total. */
final class BucketRows {
  private BucketRows() {}

  static List<ReconcileRow> of(
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

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static long bytes(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** The bill's implied price per unit and side, against the price book's. */
  static String rateNote(
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
}
