package dev.zonecost.render;

import dev.zonecost.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * The zone × zone grid as CSV ({@code --csv-layout matrix}), ready for a spreadsheet: one row per
 * source zone and measure (bytes, then cost), one column per destination zone.
 */
public final class CsvMatrixRenderer implements Renderer {
  private final boolean headers;

  public CsvMatrixRenderer(boolean headers) {
    this.headers = headers;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    List<String> zones = report.zones().zones();
    List<String> header = new ArrayList<>(List.of("measure", Columns.SOURCE_ZONE));
    zones.forEach(z -> header.add(CsvRenderer.cell(z)));
    CSVPrinter printer = CsvRenderer.printer(out, headers, header);
    for (String src : zones) {
      List<Object> cells = new ArrayList<>(List.of(Columns.BYTES, CsvRenderer.cell(src)));
      zones.forEach(dst -> cells.add(report.zones().cell(src, dst)));
      printer.printRecord(cells);
    }
    String costMeasure = CsvRenderer.cell(Columns.COST + " (" + report.cost().currency() + ")");
    for (String src : zones) {
      List<Object> cells = new ArrayList<>(List.of(costMeasure, CsvRenderer.cell(src)));
      zones.forEach(dst -> cells.add(CostText.data(report.zoneCost(src, dst))));
      printer.printRecord(cells);
    }
    printer.flush();
  }
}
