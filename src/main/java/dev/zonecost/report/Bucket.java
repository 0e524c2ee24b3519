package dev.zonecost.report;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One bucket of {@code report --every}: its own window [start, end], exact by DESIGN §3 like any
 * report, its rows (never folded by {@code --top}), totals and cross-zone cost.
 */
public record Bucket(
    Instant start,
    Instant end,
    List<TrafficRow> rows,
    Totals totals,
    BigDecimal cost,
    Map<TrafficKey, BigDecimal> rowCosts) {

  public static Bucket of(Instant start, Instant end, Report report) {
    return new Bucket(
        start, end, report.rows(), report.totals(), report.cost().windowCost(), report.rowCosts());
  }

  /** A bucket in which no selected series carried bytes. */
  public static Bucket empty(Instant start, Instant end) {
    return new Bucket(start, end, List.of(), new Totals(0, 0, 0), BigDecimal.ZERO, Map.of());
  }

  public BigDecimal costOf(TrafficRow row) {
    return rowCosts.getOrDefault(row.key(), BigDecimal.ZERO);
  }
}
