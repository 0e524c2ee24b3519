package dev.zonecost.render;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cost.CostSummary;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;
import dev.zonecost.report.Trend;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One self-contained HTML page: inline CSS, SVG drawn here, a few lines of inline script to sort
 * the pairs table, and a Content-Security-Policy that forbids every network request, so the file
 * opens anywhere and sends nothing. Exact numbers are kept in {@code data-bytes} and {@code
 * data-sort} attributes beside the human ones.
 */
public final class HtmlRenderer implements Renderer {
  static final int[] CROSS = {230, 85, 13};
  static final int[] SAME = {49, 130, 189};
  static final int[] UNKNOWN = {120, 120, 120};

  private final Trend trend;

  /** The page of one window. */
  public HtmlRenderer() {
    this(null);
  }

  /** With the trend chart of {@code report --every}, when {@code trend} is not null. */
  public HtmlRenderer(Trend trend) {
    this.trend = trend;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    ReportMetadata md = report.metadata();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>zonecost: ")
        .append(Svg.escape(md.start() + " .. " + md.end()))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    h.append("<header><h1>Cross-zone traffic</h1><p class=\"window\">")
        .append(Svg.escape(md.start() + " .. " + md.end()))
        .append(
            md.edges().clipped()
                ? " (clipped: asked from " + md.edges().requestedStart() + ")"
                : "")
        .append("</p></header>\n");
    totals(h, report);
    h.append("<section class=\"row\">\n");
    heatMap(h, report);
    cost(h, report.cost());
    h.append("</section>\n");
    if (trend != null) {
      HtmlTrend.append(h, trend, report.cost().currency());
    }
    pairs(h, report);
    footer(h, report);
    h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    out.write(h.toString());
    out.flush();
  }

  private static void totals(StringBuilder h, Report report) {
    h.append("<section id=\"totals\" class=\"cards\">\n");
    for (Locality l : Locality.values()) {
      card(
          h,
          l.label(),
          l.label(),
          report.totals().of(l),
          HumanUnits.percent(report.totals().share(l)));
    }
    card(h, "all", "all bytes", report.totals().all(), "");
    h.append("</section>\n");
  }

  private static void card(StringBuilder h, String id, String label, long bytes, String share) {
    h.append("<div class=\"card ")
        .append(id)
        .append("\"><div class=\"label\">")
        .append(label)
        .append("</div><div class=\"value\" id=\"total-")
        .append(id)
        .append("\" data-bytes=\"")
        .append(bytes)
        .append("\">")
        .append(HumanUnits.bytes(bytes))
        .append("</div><div class=\"share\">")
        .append(share)
        .append("</div></div>\n");
  }

  private static void cost(StringBuilder h, CostSummary c) {
    h.append("<div class=\"panel\" id=\"cost\"><h2>Cost</h2><table class=\"kv\">")
        .append(kv("cost-window", "cross-zone cost of the window", c.windowCost(), c.currency()))
        .append(
            kv(
                "cost-projection",
                "30-day projection (linear, from this window; not a measurement)",
                c.projected30d(),
                c.currency()))
        .append(
            kv(
                "cost-unknown",
                "more if the unknown-zone traffic crossed zones, at most",
                c.unknownUpperBound(),
                c.currency()))
        .append("</table><p class=\"note\">")
        .append(Svg.escape(c.rule()))
        .append("</p></div>\n");
  }

  private static String kv(String id, String label, java.math.BigDecimal v, String currency) {
    return "<tr><th>"
        + Svg.escape(label)
        + "</th><td id=\""
        + id
        + "\" data-value=\""
        + CostText.data(v)
        + "\">"
        + Svg.escape(CostText.human(v, currency))
        + "</td></tr>";
  }

  // A zone name as long as fits a 96-pixel column at the axis font size (about 6 pixels a
  // character); the row labels' margin grows to fit "from " and as much.
  private static final int AXIS_CHARS = 16;

  private static void heatMap(StringBuilder h, Report report) {
    List<String> zones = report.zones().zones();
    h.append("<div class=\"panel\" id=\"matrix\"><h2>Zone &times; zone</h2>");
    if (zones.isEmpty()) {
      h.append("<p>No traffic.</p></div>\n");
      return;
    }
    long max = 1;
    for (String s : zones) {
      for (String d : zones) {
        max = Math.max(max, report.zones().cell(s, d));
      }
    }
    int cell = 96;
    int longest = 0;
    for (String z : zones) {
      longest = Math.max(longest, Math.min(z.length(), AXIS_CHARS));
    }
    int left = Math.max(110, 7 * ("from ".length() + longest));
    int top = 40;
    Svg svg =
        new Svg(left + cell * zones.size() + 10, top + cell * zones.size() + 10, "zone matrix");
    svg.text(left + cell * zones.size() / 2.0, 14, "middle", "axis", "to zone");
    for (int j = 0; j < zones.size(); j++) {
      svg.label(left + cell * j + cell / 2.0, top - 8, "middle", "axis", zones.get(j), AXIS_CHARS);
    }
    for (int i = 0; i < zones.size(); i++) {
      String src = zones.get(i);
      svg.label(
          left - 8,
          top + cell * i + cell / 2.0 + 4,
          "end",
          "axis",
          "from " + src,
          "from ".length() + AXIS_CHARS);
      for (int j = 0; j < zones.size(); j++) {
        String dst = zones.get(j);
        long b = report.zones().cell(src, dst);
        Locality l = Locality.of(src, dst);
        int[] rgb =
            switch (l) {
              case CROSS_ZONE -> CROSS;
              case SAME_ZONE -> SAME;
              case UNKNOWN_ZONE -> UNKNOWN;
            };
        double share = b == 0 ? 0 : 0.12 + 0.88 * Math.sqrt((double) b / max);
        String cost = CostText.human(report.zoneCost(src, dst), report.cost().currency());
        svg.rect(
            left + cell * j + 1,
            top + cell * i + 1,
            cell - 2,
            cell - 2,
            Svg.shade(rgb, share),
            src + " -> " + dst + ": " + b + " bytes, " + l.label() + ", " + cost);
        String cls = share > 0.6 ? "cell dark" : "cell";
        svg.text(
            left + cell * j + cell / 2.0,
            top + cell * i + cell / 2.0,
            "middle",
            cls,
            HumanUnits.bytes(b));
        if (l == Locality.CROSS_ZONE && b > 0) {
          svg.text(
              left + cell * j + cell / 2.0, top + cell * i + cell / 2.0 + 16, "middle", cls, cost);
        }
      }
    }
    h.append(svg.end())
        .append("<p class=\"legend\"><span class=\"sw cross\"></span>cross-zone")
        .append(" <span class=\"sw same\"></span>same-zone")
        .append(" <span class=\"sw unknown\"></span>unknown zone; darker = more bytes</p></div>\n");
  }

  private static void pairs(StringBuilder h, Report report) {
    long all = report.totals().all();
    String currency = report.cost().currency();
    h.append(
            "<section class=\"panel\"><h2>Pairs</h2><p class=\"note\">Click a heading to sort.</p>")
        .append("<table class=\"sortable\" id=\"pairs\"><thead><tr>")
        .append("<th>source</th><th>destination</th><th>from zone</th><th>to zone</th>")
        .append("<th>locality</th><th data-type=\"num\">bytes</th><th data-type=\"num\">share</th>")
        .append("<th data-type=\"num\">cost (")
        .append(Svg.escape(currency))
        .append(")</th></tr></thead><tbody>\n");
    for (TrafficRow r : report.rows()) {
      h.append("<tr class=\"")
          .append(r.locality().label())
          .append("\"><td>")
          .append(Svg.escape(Columns.display(report.metadata().groupBy(), r.key().source())))
          .append("</td><td>")
          .append(Svg.escape(Columns.display(report.metadata().groupBy(), r.key().destination())))
          .append("</td><td>")
          .append(Svg.escape(r.key().sourceZone()))
          .append("</td><td>")
          .append(Svg.escape(r.key().destinationZone()))
          .append("</td><td>")
          .append(r.locality().label())
          .append("</td><td class=\"num\" data-sort=\"")
          .append(r.bytes())
          .append("\" data-bytes=\"")
          .append(r.bytes())
          .append("\">")
          .append(HumanUnits.bytes(r.bytes()))
          .append("</td><td class=\"num\" data-sort=\"")
          .append(r.bytes())
          .append("\">")
          .append(HumanUnits.percent(all == 0 ? 0 : (double) r.bytes() / all))
          .append("</td><td class=\"num\" data-sort=\"")
          .append(CostText.data(report.costOf(r)))
          .append("\">")
          .append(Svg.escape(CostText.human(report.costOf(r), currency)))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static void footer(StringBuilder h, Report report) {
    ReportMetadata md = report.metadata();
    h.append("<footer><p>").append(Svg.escape(Footer.plain(md, report))).append("</p>");
    h.append("<p>").append(Svg.escape(Footer.how(md))).append("</p>");
    if (!md.notes().isEmpty() || !md.warnings().isEmpty()) {
      h.append("<ul>");
      for (String n : md.notesActionsFirst()) {
        h.append("<li>").append(Svg.escape(n)).append("</li>");
      }
      for (String w : md.warnings()) {
        h.append("<li class=\"warning\">warning: ").append(Svg.escape(w)).append("</li>");
      }
      h.append("</ul>");
    }
    h.append("<p>zonecost ")
        .append(Svg.escape(md.toolVersion()))
        .append(", ")
        .append(md.series())
        .append(" series, ")
        .append(md.podPairs())
        .append(" pod pairs, ")
        .append(md.queries().size())
        .append(" queries.</p></footer>\n");
  }

  private static final String CSS =
      "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}"
          + "h1{margin:0 0 4px}h2{font-size:16px;margin:0 0 8px}.window{color:#555;margin:0 0 16px}"
          + ".cards{display:flex;gap:12px;margin-bottom:16px}.card{border:1px solid #ddd;"
          + "border-radius:6px;padding:8px 14px;min-width:150px}.card .label{color:#555}"
          + ".card .value{font-size:22px;font-weight:600}.card.cross-zone .value{color:#c4470b}"
          + ".row{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}"
          + ".panel{border:1px solid #ddd;border-radius:6px;padding:12px;margin-bottom:16px}"
          + "table{border-collapse:collapse}th,td{padding:3px 8px;text-align:left}"
          + "td.num{text-align:right;font-variant-numeric:tabular-nums}"
          + "table.sortable th{cursor:pointer;border-bottom:1px solid #999;user-select:none}"
          + "table.sortable tbody tr:nth-child(even){background:#f6f6f6}"
          + "tr.cross-zone td:nth-child(5){color:#c4470b;font-weight:600}"
          + "table.kv th{font-weight:normal;color:#555}table.kv td{font-weight:600}"
          + ".note{color:#666;font-size:12px}.axis{font-size:11px;fill:#444}"
          + ".axisline{stroke:#999}.cell{font-size:12px;fill:#222}.cell.dark{fill:#fff}"
          + ".legend{font-size:12px}.sw{display:inline-block;width:10px;height:10px;margin:0 4px}"
          + ".sw.cross{background:#e6550d}.sw.same{background:#3182bd}.sw.unknown{background:#787878}"
          + "footer{color:#555;font-size:12px;border-top:1px solid #ddd;margin-top:16px}"
          + ".warning{color:#a00}";

  private static final String SCRIPT =
      "document.querySelectorAll('table.sortable').forEach(function(t){"
          + "t.querySelectorAll('thead th').forEach(function(th,i){"
          + "th.addEventListener('click',function(){"
          + "var num=th.getAttribute('data-type')==='num';"
          + "var dir=th.getAttribute('data-dir')==='desc'?1:-1;"
          + "th.setAttribute('data-dir',dir===1?'asc':'desc');"
          + "var body=t.tBodies[0];var rows=Array.prototype.slice.call(body.rows);"
          + "function key(r){var c=r.cells[i];var v=c.getAttribute('data-sort');"
          + "return v===null?c.textContent:v;}"
          + "rows.sort(function(a,b){var x=key(a),y=key(b);"
          + "return dir*(num?Number(x)-Number(y):x.localeCompare(y));});"
          + "rows.forEach(function(r){body.appendChild(r);});});});});";
}
