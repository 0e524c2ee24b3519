package dev.zonecost.render;

import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;
import dev.zonecost.traffic.Locality;
import dev.zonecost.traffic.TrafficRow;
import dev.zonecost.traffic.WorkloadRef;
import java.io.IOException;
import java.io.Writer;

/** Aligned columns with human units, the locality totals, the zone matrix and a footer. */
public final class TableRenderer implements Renderer {
  private final boolean headers;

  public TableRenderer(boolean headers) {
    this.headers = headers;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    long all = report.totals().all();
    TextTable t = new TextTable(new boolean[] {false, false, false, false, false, true, true});
    if (headers) {
      t.row("SOURCE", "DESTINATION", "FROM ZONE", "TO ZONE", "LOCALITY", "BYTES", "SHARE");
    }
    for (TrafficRow r : report.rows()) {
      t.row(
          workload(r.key().source()),
          workload(r.key().destination()),
          r.key().sourceZone(),
          r.key().destinationZone(),
          r.locality().label(),
          HumanUnits.bytes(r.bytes()),
          HumanUnits.percent(all == 0 ? 0 : (double) r.bytes() / all));
    }
    out.write(t.format());
    out.write('\n');

    TextTable totals = new TextTable(new boolean[] {false, true, true});
    for (Locality l : Locality.values()) {
      totals.row(
          l.label(),
          HumanUnits.bytes(report.totals().of(l)),
          HumanUnits.percent(report.totals().share(l)));
    }
    totals.row("all", HumanUnits.bytes(all), "");
    out.write(totals.format());
    out.write('\n');

    if (!report.zones().zones().isEmpty()) {
      int n = report.zones().zones().size();
      boolean[] align = new boolean[n + 1];
      java.util.Arrays.fill(align, true);
      align[0] = false;
      TextTable m = new TextTable(align);
      String[] head = new String[n + 1];
      head[0] = "FROM \\ TO";
      for (int i = 0; i < n; i++) {
        head[i + 1] = report.zones().zones().get(i);
      }
      m.row(head);
      for (String src : report.zones().zones()) {
        String[] cells = new String[n + 1];
        cells[0] = src;
        for (int i = 0; i < n; i++) {
          cells[i + 1] = HumanUnits.bytes(report.zones().cell(src, report.zones().zones().get(i)));
        }
        m.row(cells);
      }
      out.write(m.format());
      out.write('\n');
    }
    out.write(footer(report.metadata(), report));
    out.flush();
  }

  private static String workload(WorkloadRef w) {
    return w.namespace() + "/" + w.name();
  }

  private static String footer(ReportMetadata md, Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("window ")
        .append(md.start())
        .append(" .. ")
        .append(md.end())
        .append(" | algorithm ")
        .append(md.algorithm())
        .append(" | dedupe ")
        .append(md.dedupe())
        .append(" | aggregation level ")
        .append(md.dataAggregationLevel())
        .append(" | zones from ")
        .append(md.zoneSource())
        .append(" | unknown ")
        .append(HumanUnits.percent(report.totals().share(Locality.UNKNOWN_ZONE)))
        .append('\n');
    for (String note : md.notes()) {
      sb.append("note: ").append(note).append('\n');
    }
    for (String w : md.warnings()) {
      sb.append("warning from Prometheus: ").append(w).append('\n');
    }
    return sb.toString();
  }
}
