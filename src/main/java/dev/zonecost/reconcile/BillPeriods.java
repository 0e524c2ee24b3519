package dev.zonecost.reconcile;

import dev.zonecost.bill.Bill;
import dev.zonecost.bill.InterZoneRules.Skip;
import dev.zonecost.common.NoDataException;
import dev.zonecost.common.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The bill's side of a reconcile: its periods, the window cut to them, its rows per bucket. */
final class BillPeriods {
  static final Duration HOUR = Duration.ofHours(1);
  static final Duration DAY = Duration.ofDays(1);

  private BillPeriods() {}

  /** The bill's granularity, refused where it cannot be compared. */
  static Duration requireUsable(Bill bill, Duration every) {
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
  static Map<Integer, Map<String, Bill.Sums>> billedPerBucket(
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

  static String leftOut(Map<Skip, Long> skipped) {
    StringBuilder sb = new StringBuilder();
    skipped.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? "" : "; ").append(v).append(' ').append(k.description()));
    return sb.toString();
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
