package dev.zonecost.render;

import dev.zonecost.reconcile.ReconcileRow;
import dev.zonecost.reconcile.Reconciliation;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * {@code reconcile -o html}: one self-contained page, as {@code report}'s ({@link HtmlRenderer}):
 * the window's totals, a row per billed resource and bucket with the reasons for what stays
 * unexplained, and the notes. Exact bytes ride along in {@code data-bytes}; it formats, never
 * computes.
 */
final class ReconcileHtml {
  private static final String CSS =
      "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
          + "table{border-collapse:collapse}td,th{padding:.25em .6em;border-bottom:1px solid #ddd}"
          + "th{text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}"
          + ".cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;padding:.6em 1em}"
          + ".card .value{font-size:1.4em}tr.total{font-weight:bold}.reasons{color:#555;"
          + "font-size:.9em}";

  private ReconcileHtml() {}

  static void render(Reconciliation r, Writer out) throws IOException {
    StringBuilder h = new StringBuilder();
    String window = r.start() + " .. " + r.end();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'\">\n")
        .append("<title>zonecost reconcile: ")
        .append(Svg.escape(window))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header><h1>The bill against the measurement</h1>")
        .append("<p class=\"window\">")
        .append(Svg.escape(window))
        .append("</p></header>\n");
    cards(h, r);
    table(h, r);
    h.append("<section id=\"notes\"><ul>\n");
    for (String n : r.notes()) {
      h.append("<li>").append(Svg.escape(n)).append("</li>\n");
    }
    h.append("</ul></section>\n</body>\n</html>\n");
    out.write(h.toString());
    out.flush();
  }

  private static void cards(StringBuilder h, Reconciliation r) {
    long[] t = new long[8];
    for (ReconcileRow row : r.totals()) {
      t[0] += row.billedOut();
      t[1] += row.billedIn();
      t[2] += row.measuredCrossOut();
      t[3] += row.measuredCrossIn();
      t[4] += row.outsideOut();
      t[5] += row.outsideIn();
      t[6] += row.unexplainedOut();
      t[7] += row.unexplainedIn();
    }
    h.append("<section id=\"totals\" class=\"cards\">\n");
    card(h, "billed", "billed", t[0] + t[1]);
    card(h, "measured", "measured cross-zone", t[2] + t[3]);
    card(h, "outside", "outside", t[4] + t[5]);
    card(h, "unexplained", "unexplained", t[6] + t[7]);
    BigDecimal c = r.coverage();
    h.append("<div class=\"card\" id=\"total-coverage\"><div class=\"label\">coverage</div>")
        .append("<div class=\"value\">")
        .append(c == null ? "-" : HumanUnits.percent(c.doubleValue()))
        .append("</div></div>\n</section>\n");
  }

  private static void card(StringBuilder h, String id, String label, long bytes) {
    h.append("<div class=\"card\" id=\"total-")
        .append(id)
        .append("\"><div class=\"label\">")
        .append(label)
        .append("</div><div class=\"value\" data-bytes=\"")
        .append(bytes)
        .append("\">")
        .append(HumanUnits.bytes(bytes))
        .append("</div></div>\n");
  }

  private static void table(StringBuilder h, Reconciliation r) {
    h.append("<table id=\"rows\"><thead><tr>")
        .append(r.every() != null ? "<th>hour</th>" : "")
        .append("<th>resource</th><th>kind</th><th>node</th><th>zone</th>")
        .append("<th>billed out</th><th>billed in</th><th>cost</th>")
        .append("<th>measured cross out</th><th>measured cross in</th><th>outside</th>")
        .append("<th>unexplained</th><th>coverage</th></tr></thead>\n<tbody>\n");
    for (ReconcileRow row : r.rows()) {
      h.append(row.isTotal() ? "<tr class=\"total\">" : "<tr>");
      if (r.every() != null) {
        h.append("<td>").append(row.hourStart()).append("</td>");
      }
      h.append("<td>")
          .append(Svg.escape(row.resourceId()))
          .append("</td><td>")
          .append(row.isTotal() ? "" : row.kind().label())
          .append("</td><td>")
          .append(Svg.escape(row.node()))
          .append("</td><td>")
          .append(Svg.escape(row.zone()))
          .append("</td>");
      bytes(h, row.billedOut());
      bytes(h, row.billedIn());
      h.append("<td class=\"num\">")
          .append(row.billedCost().toPlainString())
          .append(' ')
          .append(Svg.escape(row.currency()))
          .append("</td>");
      bytes(h, row.measuredCrossOut());
      bytes(h, row.measuredCrossIn());
      bytes(h, row.outsideOut() + row.outsideIn());
      bytes(h, row.unexplainedOut() + row.unexplainedIn());
      h.append("<td class=\"num\">").append(ReconcileRenderers.percent(row)).append("</td></tr>\n");
      if (!row.reasons().isEmpty()) {
        h.append("<tr class=\"reasons\"><td colspan=\"")
            .append(r.every() != null ? 13 : 12)
            .append("\">");
        for (String reason : row.reasons()) {
          h.append(Svg.escape(reason)).append("<br>");
        }
        h.append("</td></tr>\n");
      }
    }
    h.append("</tbody></table>\n");
  }

  private static void bytes(StringBuilder h, long b) {
    h.append("<td class=\"num\" data-bytes=\"")
        .append(b)
        .append("\">")
        .append(HumanUnits.bytes(b))
        .append("</td>");
  }
}
