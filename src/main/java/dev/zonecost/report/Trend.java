package dev.zonecost.report;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The window cut into buckets ({@code report --every}), each exact by DESIGN §3, with one series
 * per row key. The buckets add up to the window less the increments that straddle their edges (the
 * sample before an edge is the baseline of the next bucket): {@link #straddlingBytes}.
 *
 * @param series one per row key (workload pair and zone pair), by total bytes descending
 * @param bucketTotals the buckets' totals summed
 * @param straddlingBytes the window's bytes less the buckets' sum: the increments across edges
 */
public record Trend(
    Duration every,
    List<Bucket> buckets,
    List<PairSeries> series,
    Totals bucketTotals,
    BigDecimal bucketCost,
    long straddlingBytes) {

  /** One row key's bytes and cost in every bucket (0 where it had none). */
  public record PairSeries(TrafficKey key, List<Long> bytes, List<BigDecimal> cost, long total) {}

  public static Trend of(Duration every, List<Bucket> buckets, Report window) {
    Map<TrafficKey, long[]> bytes = new LinkedHashMap<>();
    Map<TrafficKey, BigDecimal[]> costs = new HashMap<>();
    long same = 0;
    long cross = 0;
    long unknown = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      same += b.totals().sameZone();
      cross += b.totals().crossZone();
      unknown += b.totals().unknownZone();
      cost = cost.add(b.cost());
      for (TrafficRow r : b.rows()) {
        bytes.computeIfAbsent(r.key(), k -> new long[buckets.size()])[i] = r.bytes();
        BigDecimal[] c =
            costs.computeIfAbsent(
                r.key(),
                k -> {
                  BigDecimal[] a = new BigDecimal[buckets.size()];
                  java.util.Arrays.fill(a, BigDecimal.ZERO);
                  return a;
                });
        c[i] = b.costOf(r);
      }
    }
    List<PairSeries> series = new ArrayList<>();
    bytes.forEach(
        (k, v) -> {
          List<Long> list = new ArrayList<>();
          long total = 0;
          for (long x : v) {
            list.add(x);
            total += x;
          }
          series.add(new PairSeries(k, List.copyOf(list), List.of(costs.get(k)), total));
        });
    series.sort(
        Comparator.comparingLong(PairSeries::total)
            .reversed()
            .thenComparing(
                (a, b) ->
                    TrafficRow.DEFAULT_ORDER.compare(
                        new TrafficRow(a.key(), 0), new TrafficRow(b.key(), 0))));
    Totals sum = new Totals(same, cross, unknown);
    return new Trend(
        every,
        List.copyOf(buckets),
        List.copyOf(series),
        sum,
        cost,
        window.totals().all() - sum.all());
  }
}
