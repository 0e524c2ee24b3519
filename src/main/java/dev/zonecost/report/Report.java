package dev.zonecost.report;

import dev.zonecost.traffic.TrafficRow;
import java.util.List;

/** What every renderer prints: built once, never recomputed by a renderer. */
public record Report(
    ReportMetadata metadata, List<TrafficRow> rows, Totals totals, ZoneMatrix zones) {

  public static Report of(ReportMetadata metadata, List<TrafficRow> rows) {
    return new Report(metadata, List.copyOf(rows), Totals.of(rows), ZoneMatrix.of(rows));
  }
}
