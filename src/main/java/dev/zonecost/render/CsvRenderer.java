package dev.zonecost.render;

import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.common.MarkupText;
import dev.zonecost.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Tidy RFC 4180 CSV: one row per workload pair and zone pair, whole bytes, exact cost. */
public final class CsvRenderer implements Renderer {
  private final boolean headers;

  public CsvRenderer(boolean headers) {
    this.headers = headers;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    CSVPrinter printer =
        printer(
            out, headers, Columns.csv(report.metadata().groupBy(), report.metadata().byCluster()));
    for (TrafficRow r : report.rows()) {
      List<Object> cells = new ArrayList<>();
      Columns.keyCells(report.metadata().groupBy(), report.metadata().byCluster(), r.key())
          .forEach(c -> cells.add(cell(c)));
      cells.addAll(
          List.of(
              cell(r.key().sourceZone()),
              cell(r.key().destinationZone()),
              r.locality().label(),
              r.bytes(),
              CostText.data(report.costOf(r)),
              cell(report.cost().currency())));
      printer.printRecord(cells);
    }
    printer.flush();
  }

  /**
   * A printer of RFC 4180 records ended by a bare newline, with {@code header} as its first record
   * when {@code headers} is set: every CSV view is written through one.
   */
  public static CSVPrinter printer(Writer out, boolean headers, List<String> header)
      throws IOException {
    CSVFormat.Builder format = CSVFormat.RFC4180.builder().setRecordSeparator("\n");
    if (headers) {
      format.setHeader(header.toArray(String[]::new));
    }
    return new CSVPrinter(out, format.get());
  }

  /**
   * Guards against spreadsheet formula injection: a cell that a spreadsheet would evaluate gets a
   * leading apostrophe (OWASP's CSV injection advice). Kubernetes names never start so.
   */
  public static String cell(String value) {
    return MarkupText.csv(value);
  }
}
