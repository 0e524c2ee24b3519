package dev.zonecost.render;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.report.Report;
import dev.zonecost.report.RowOrder;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned columns with human units, the locality totals, the zone matrix and a footer. {@code wide}
 * adds workload kinds and exact byte counts. Colour (ANSI) only when asked: the caller decides
 * whether the output is a terminal.
 */
public final class TableRenderer implements Renderer {
  private static final String RESET = "\u001B[0m";
  private static final String BOLD = "\u001B[1m";

  private final boolean headers;
  private final boolean wide;
  private final boolean color;

  public TableRenderer(boolean headers, boolean wide, boolean color) {
    this.headers = headers;
    this.wide = wide;
    this.color = color;
  }

  public TableRenderer(boolean headers) {
    this(headers, false, false);
  }

  /** One row for all the pairs past --top, over every zone pair. */
  private static String[] othersRow(
      Report report, List<TrafficRow> others, boolean wide, long all) {
    long bytes = others.stream().mapToLong(TrafficRow::bytes).sum();
    java.math.BigDecimal cost =
        others.stream()
            .map(report::costOf)
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    List<String> cells =
        new ArrayList<>(
            List.of(
                "(others)",
                "(others)",
                "*",
                "*",
                "mixed",
                HumanUnits.bytes(bytes),
                HumanUnits.percent(all == 0 ? 0 : (double) bytes / all),
                CostText.human(cost, report.cost().currency())));
    if (wide) {
      cells.addAll(2, List.of("*", "*"));
      cells.add(Long.toString(bytes));
    }
    return cells.toArray(String[]::new);
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    long all = report.totals().all();
    List<String> head =
        new ArrayList<>(
            List.of(
                "SOURCE",
                "DESTINATION",
                "FROM ZONE",
                "TO ZONE",
                "LOCALITY",
                "BYTES",
                "SHARE",
                "COST (" + report.cost().currency() + ")"));
    if (wide) {
      head.addAll(2, List.of("SOURCE KIND", "DESTINATION KIND"));
      head.add("EXACT BYTES");
    }
    boolean[] right = new boolean[head.size()];
    for (int i = 0; i < head.size(); i++) {
      String h = head.get(i);
      right[i] = h.contains("BYTES") || h.equals("SHARE") || h.startsWith("COST");
    }
    int localityColumn = head.indexOf("LOCALITY");
    int offset = headers ? 1 : 0;
    // --top's rows past the top are one (others) row per zone pair in the model (machine outputs
    // keep that split); people read one others row.
    List<TrafficRow> rows =
        report.rows().stream().filter(r -> !r.key().source().equals(RowOrder.OTHERS)).toList();
    List<TrafficRow> others =
        report.rows().stream().filter(r -> r.key().source().equals(RowOrder.OTHERS)).toList();
    TextTable t =
        new TextTable(right)
            .styled(
                (row, col, text) -> {
                  if (!color) {
                    return text;
                  }
                  if (row < offset) {
                    return BOLD + text + RESET;
                  }
                  return col == localityColumn && row - offset < rows.size()
                      ? paint(rows.get(row - offset).locality(), text)
                      : text;
                });
    if (headers) {
      t.row(head.toArray(String[]::new));
    }
    for (TrafficRow r : rows) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  Columns.display(report.metadata().groupBy(), r.key().source()),
                  Columns.display(report.metadata().groupBy(), r.key().destination()),
                  r.key().sourceZone(),
                  r.key().destinationZone(),
                  r.locality().label(),
                  HumanUnits.bytes(r.bytes()),
                  HumanUnits.percent(all == 0 ? 0 : (double) r.bytes() / all),
                  CostText.human(report.costOf(r), report.cost().currency())));
      if (wide) {
        cells.addAll(2, List.of(r.key().source().kind(), r.key().destination().kind()));
        cells.add(Long.toString(r.bytes()));
      }
      t.row(cells.toArray(String[]::new));
    }
    if (!others.isEmpty()) {
      t.row(othersRow(report, others, wide, all));
    }
    out.write(t.format());
    out.write('\n');

    TextTable totals =
        new TextTable(
            wide ? new boolean[] {false, true, true, true} : new boolean[] {false, true, true});
    for (Locality l : Locality.values()) {
      String[] cells = {
        l.label(),
        HumanUnits.bytes(report.totals().of(l)),
        HumanUnits.percent(report.totals().share(l)),
        Long.toString(report.totals().of(l))
      };
      totals.row(wide ? cells : Arrays.copyOf(cells, 3));
    }
    String[] allCells = {"all", HumanUnits.bytes(all), "", Long.toString(all)};
    totals.row(wide ? allCells : Arrays.copyOf(allCells, 3));
    out.write(totals.format());
    for (String line : CostText.summaryLines(report.cost())) {
      out.write(line + "\n");
    }
    out.write('\n');

    List<String> zones = report.zones().zones();
    if (!zones.isEmpty()) {
      boolean[] align = new boolean[zones.size() + 2];
      Arrays.fill(align, true);
      align[0] = false;
      TextTable m = new TextTable(align);
      List<String> first = new ArrayList<>(List.of("FROM \\ TO"));
      first.addAll(zones);
      first.add("COST (" + report.cost().currency() + ")");
      m.row(first.toArray(String[]::new));
      for (String src : zones) {
        List<String> cells = new ArrayList<>(List.of(src));
        for (String dst : zones) {
          long b = report.zones().cell(src, dst);
          cells.add(wide ? Long.toString(b) : HumanUnits.bytes(b));
        }
        cells.add(CostText.human(report.costFromZone(src), report.cost().currency()));
        m.row(cells.toArray(String[]::new));
      }
      out.write(m.format());
      out.write('\n');
    }
    out.write(Footer.summary(report.metadata(), report));
    out.write('\n');
    for (String note : report.metadata().notesActionsFirst()) {
      out.write(Footer.line(note) + "\n");
    }
    for (String w : report.metadata().warnings()) {
      out.write("warning from Prometheus: " + w + "\n");
    }
    out.flush();
  }

  private static String paint(Locality l, String text) {
    String code =
        switch (l) {
          case SAME_ZONE -> "\u001B[32m";
          case CROSS_ZONE -> "\u001B[31m";
          case UNKNOWN_ZONE -> "\u001B[33m";
        };
    return code + text + RESET;
  }
}
