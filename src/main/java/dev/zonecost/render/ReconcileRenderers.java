package dev.zonecost.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.common.UsageException;
import dev.zonecost.reconcile.ReconcileRow;
import dev.zonecost.reconcile.Reconciliation;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/** The views of a {@link Reconciliation} (DESIGN §5's contract): they format, never compute. */
public final class ReconcileRenderers {
  /** The CSV's columns; with buckets ({@code --every}) {@code hour_start} leads. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "resource_id",
          "resource_kind",
          "node",
          "zone",
          "billed_out_bytes",
          "billed_in_bytes",
          "billed_cost",
          "currency",
          "measured_cross_out_bytes",
          "measured_cross_in_bytes",
          "outside_out_bytes",
          "outside_in_bytes",
          "unexplained_out_bytes",
          "unexplained_in_bytes",
          "coverage_out",
          "coverage_in");

  private ReconcileRenderers() {}

  /** The view of {@code -o FORMAT}: table, wide, csv, json, markdown or html. */
  public static View<Reconciliation> of(OutputFormat format, boolean headers) {
    return switch (format) {
      case TABLE, WIDE -> (r, out) -> table(r, out, headers, format == OutputFormat.WIDE);
      case CSV -> (r, out) -> csv(r, out, headers);
      case JSON -> ReconcileRenderers::json;
      case MARKDOWN -> ReconcileRenderers::markdown;
      case HTML -> ReconcileHtml::render;
      default ->
          throw new UsageException(
              "reconcile prints table, wide, csv, json, markdown or html, not -o "
                  + format.name().toLowerCase(java.util.Locale.ROOT));
    };
  }

  private static String kind(ReconcileRow row) {
    return row.isTotal() ? "" : row.kind().label();
  }

  private static String coverage(BigDecimal c) {
    return c == null ? "" : c.toPlainString();
  }

  private static void csv(Reconciliation r, Writer out, boolean headers) throws IOException {
    List<String> header = new ArrayList<>();
    if (r.every() != null) {
      header.add("hour_start");
    }
    header.addAll(CSV_COLUMNS);
    CSVPrinter p = CsvRenderer.printer(out, headers, header);
    for (ReconcileRow row : r.rows()) {
      List<Object> cells = new ArrayList<>();
      if (r.every() != null) {
        cells.add(row.hourStart().toString());
      }
      cells.addAll(
          List.of(
              CsvRenderer.cell(row.resourceId()),
              kind(row),
              CsvRenderer.cell(row.node()),
              CsvRenderer.cell(row.zone()),
              row.billedOut(),
              row.billedIn(),
              row.billedCost().toPlainString(),
              row.currency(),
              row.measuredCrossOut(),
              row.measuredCrossIn(),
              row.outsideOut(),
              row.outsideIn(),
              row.unexplainedOut(),
              row.unexplainedIn(),
              coverage(row.coverageOut()),
              coverage(row.coverageIn())));
      p.printRecord(cells);
    }
    p.flush();
  }

  private static void json(Reconciliation r, Writer out) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    doc.put("schema", Reconciliation.SCHEMA);
    ObjectNode window = doc.putObject("window");
    window.put("start", r.start().toString());
    window.put("end", r.end().toString());
    window.put("requested_start", r.requestedStart().toString());
    window.put("requested_end", r.requestedEnd().toString());
    window.put("bill_period_seconds", r.granularity().toSeconds());
    if (r.every() != null) {
      window.put("every_seconds", r.every().toSeconds());
    }
    doc.put("bill_unit", r.billUnit());
    BigDecimal coverage = r.coverage();
    if (coverage == null) {
      doc.putNull("coverage");
    } else {
      doc.put("coverage", coverage);
    }
    ArrayNode rows = doc.putArray("rows");
    for (ReconcileRow row : r.rows()) {
      ObjectNode o = rows.addObject();
      o.put("hour_start", row.hourStart().toString());
      o.put("hour_end", row.hourEnd().toString());
      o.put("resource_id", row.resourceId());
      o.put("resource_kind", row.isTotal() ? "total" : row.kind().label());
      o.put("node", row.node());
      o.put("zone", row.zone());
      o.put("billed_out_bytes", row.billedOut());
      o.put("billed_in_bytes", row.billedIn());
      o.put("billed_cost", row.billedCost());
      o.put("currency", row.currency());
      o.put("measured_cross_out_bytes", row.measuredCrossOut());
      o.put("measured_cross_in_bytes", row.measuredCrossIn());
      o.put("outside_out_bytes", row.outsideOut());
      o.put("outside_in_bytes", row.outsideIn());
      o.put("unexplained_out_bytes", row.unexplainedOut());
      o.put("unexplained_in_bytes", row.unexplainedIn());
      putCoverage(o, "coverage_out", row.coverageOut());
      putCoverage(o, "coverage_in", row.coverageIn());
      ArrayNode reasons = o.putArray("unexplained_reasons");
      row.reasons().forEach(reasons::add);
    }
    ArrayNode notes = doc.putArray("notes");
    r.notes().forEach(notes::add);
    Documents.json(doc, out);
  }

  private static void putCoverage(ObjectNode o, String name, BigDecimal c) {
    if (c == null) {
      o.putNull(name);
    } else {
      o.put(name, c);
    }
  }

  private static void table(Reconciliation r, Writer out, boolean headers, boolean exact)
      throws IOException {
    boolean every = r.every() != null;
    List<Boolean> right = new ArrayList<>();
    if (every) {
      right.add(false);
    }
    right.addAll(
        List.of(false, false, false, false, true, true, true, true, true, true, true, true));
    boolean[] align = new boolean[right.size()];
    for (int i = 0; i < align.length; i++) {
      align[i] = right.get(i);
    }
    TextTable t = new TextTable(align);
    if (headers) {
      List<String> h = new ArrayList<>();
      if (every) {
        h.add("HOUR");
      }
      h.addAll(
          List.of(
              "RESOURCE",
              "KIND",
              "NODE",
              "ZONE",
              "BILLED OUT",
              "BILLED IN",
              "COST",
              "MEASURED OUT",
              "MEASURED IN",
              "OUTSIDE",
              "UNEXPLAINED",
              "COVERAGE"));
      t.row(h.toArray(String[]::new));
    }
    for (ReconcileRow row : r.rows()) {
      List<String> c = new ArrayList<>();
      if (every) {
        c.add(row.hourStart().toString());
      }
      c.addAll(
          List.of(
              row.resourceId(),
              kind(row),
              row.node(),
              row.zone(),
              size(row.billedOut(), exact),
              size(row.billedIn(), exact),
              CostText.human(row.billedCost(), row.currency()),
              size(row.measuredCrossOut(), exact),
              size(row.measuredCrossIn(), exact),
              size(row.outsideOut() + row.outsideIn(), exact),
              size(row.unexplainedOut() + row.unexplainedIn(), exact),
              percent(row)));
      t.row(c.toArray(String[]::new));
    }
    out.write(t.format());
    out.write("\nwindow " + r.start() + " .. " + r.end() + "\n");
    for (ReconcileRow row : r.rows()) {
      if (!row.reasons().isEmpty()) {
        out.write(
            "unexplained on "
                + row.resourceId()
                + (row.node().isEmpty() ? "" : " (" + row.node() + ")")
                + (every ? " at " + row.hourStart() : "")
                + ": "
                + String.join("; ", row.reasons())
                + "\n");
      }
    }
    for (String n : r.notes()) {
      out.write("note: " + n + "\n");
    }
    out.flush();
  }

  private static String size(long bytes, boolean exact) {
    return exact ? Long.toString(bytes) : HumanUnits.bytes(bytes);
  }

  /** Measured cross over billed, both sides (the sender's alone on a bill that has only it). */
  static String percent(ReconcileRow row) {
    long billed = row.billedOut() + row.billedIn();
    return billed == 0
        ? "-"
        : HumanUnits.percent(
            (double) (row.measuredCrossOut() + (row.billedIn() == 0 ? 0 : row.measuredCrossIn()))
                / billed);
  }

  private static void markdown(Reconciliation r, Writer out) throws IOException {
    out.write("## zonecost reconcile\n\n");
    out.write("Window " + r.start() + " .. " + r.end() + ".\n\n");
    out.write(
        "| "
            + (r.every() != null ? "hour | " : "")
            + "resource | kind | node | zone | billed out | billed in | cost | measured cross out"
            + " | measured cross in | outside | unexplained |\n");
    out.write(
        "|"
            + (r.every() != null ? " --- |" : "")
            + " --- | --- | --- | --- |"
            + " ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (ReconcileRow row : r.rows()) {
      out.write(
          "| "
              + (r.every() != null ? row.hourStart() + " | " : "")
              + md(row.resourceId())
              + " | "
              + kind(row)
              + " | "
              + md(row.node())
              + " | "
              + md(row.zone())
              + " | "
              + HumanUnits.bytes(row.billedOut())
              + " | "
              + HumanUnits.bytes(row.billedIn())
              + " | "
              + CostText.human(row.billedCost(), row.currency())
              + " | "
              + HumanUnits.bytes(row.measuredCrossOut())
              + " | "
              + HumanUnits.bytes(row.measuredCrossIn())
              + " | "
              + HumanUnits.bytes(row.outsideOut() + row.outsideIn())
              + " | "
              + HumanUnits.bytes(row.unexplainedOut() + row.unexplainedIn())
              + " |\n");
    }
    out.write("\n");
    for (String n : r.notes()) {
      out.write("- " + md(n) + "\n");
    }
    out.flush();
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }
}
