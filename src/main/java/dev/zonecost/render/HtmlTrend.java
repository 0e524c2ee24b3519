package dev.zonecost.render;

import dev.zonecost.accounting.Locality;
import dev.zonecost.report.Bucket;
import dev.zonecost.report.Trend;
import dev.zonecost.time.TimeParsing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML page's trend panel of {@code report --every}: one bar per bucket, as wide as the time
 * the bucket covers, so a window that does not start or end on an edge draws its shorter first and
 * last buckets narrower (and labels them with their length) rather than as full buckets.
 */
final class HtmlTrend {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 260;
  private static final int LEFT = 80;
  private static final int BOTTOM = 40;

  private HtmlTrend() {}

  static void append(StringBuilder h, Trend trend, String currency) {
    List<Bucket> buckets = trend.buckets();
    h.append("<section class=\"panel\" id=\"trend\"><h2>Trend, every ")
        .append(Svg.escape(TimeParsing.format(trend.every())))
        .append("</h2>");
    chart(h, trend);
    h.append(
        "<table class=\"sortable\" id=\"buckets\"><thead><tr><th>bucket start</th>"
            + "<th data-type=\"num\">length</th>"
            + "<th data-type=\"num\">same-zone</th><th data-type=\"num\">cross-zone</th>"
            + "<th data-type=\"num\">unknown-zone</th><th data-type=\"num\">cost</th></tr></thead><tbody>");
    for (Bucket b : buckets) {
      Duration length = length(b);
      h.append("<tr><td>")
          .append(b.start())
          .append("</td><td class=\"num\" data-sort=\"")
          .append(length.toSeconds())
          .append("\">")
          .append(TimeParsing.format(length))
          .append(partial(trend, b) ? " (partial)" : "");
      for (Locality l : Locality.values()) {
        h.append("</td><td class=\"num\" data-sort=\"")
            .append(b.totals().of(l))
            .append("\" data-bytes=\"")
            .append(b.totals().of(l))
            .append("\">")
            .append(HumanUnits.bytes(b.totals().of(l)));
      }
      h.append("</td><td class=\"num\" data-sort=\"")
          .append(CostText.data(b.cost()))
          .append("\">")
          .append(Svg.escape(CostText.human(b.cost(), currency)))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    List<String> partial = new ArrayList<>();
    for (Bucket b : buckets) {
      if (partial(trend, b)) {
        partial.add(b.start() + " (" + TimeParsing.format(length(b)) + ")");
      }
    }
    if (!partial.isEmpty()) {
      h.append("<p class=\"note\" id=\"partial-buckets\">Bars are as wide as the time they cover:")
          .append(" the window does not start or end on a bucket edge, so ")
          .append(Svg.escape(String.join(" and ", partial)))
          .append(partial.size() == 1 ? " is a partial bucket" : " are partial buckets")
          .append(", with fewer minutes of traffic than a full ")
          .append(Svg.escape(TimeParsing.format(trend.every())))
          .append(".</p>");
    }
    h.append("<p class=\"note\">Each bucket is exact on its own; together they")
        .append(" miss the increments that straddle bucket edges: ")
        .append(trend.straddlingBytes())
        .append(" bytes here (")
        .append(HumanUnits.bytes(Math.max(0, trend.straddlingBytes())))
        .append(").</p></section>\n");
  }

  private static void chart(StringBuilder h, Trend trend) {
    List<Bucket> buckets = trend.buckets();
    long max = 1;
    for (Bucket b : buckets) {
      max = Math.max(max, b.totals().all());
    }
    long t0 = buckets.get(0).start().toEpochMilli();
    double span = Math.max(1, buckets.get(buckets.size() - 1).end().toEpochMilli() - t0);
    double plot = WIDTH - LEFT - 10;
    double scale = (HEIGHT - BOTTOM - 24) / (double) max;
    Svg svg = new Svg(WIDTH, HEIGHT, "bytes per bucket");
    svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - 10, HEIGHT - BOTTOM, "axisline");
    svg.text(LEFT - 6, 26, "end", "axis", HumanUnits.bytes(max));
    svg.text(LEFT - 6, HEIGHT - BOTTOM, "end", "axis", "0");
    int labelEvery = Math.max(1, (int) Math.ceil(buckets.size() / 8.0));
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      double from = LEFT + plot * (b.start().toEpochMilli() - t0) / span;
      double full = plot * length(b).toMillis() / span;
      double gap = Math.min(2, full * 0.1);
      double x = from + gap;
      double w = Math.max(1, full - 2 * gap);
      double y = HEIGHT - BOTTOM;
      String what = partial(trend, b) ? " (partial: " + TimeParsing.format(length(b)) + ")" : "";
      for (Locality l : List.of(Locality.CROSS_ZONE, Locality.SAME_ZONE, Locality.UNKNOWN_ZONE)) {
        double hgt = b.totals().of(l) * scale;
        int[] rgb =
            l == Locality.CROSS_ZONE
                ? HtmlRenderer.CROSS
                : l == Locality.SAME_ZONE ? HtmlRenderer.SAME : HtmlRenderer.UNKNOWN;
        y -= hgt;
        svg.rect(
            x,
            y,
            w,
            hgt,
            Svg.shade(rgb, 0.85),
            b.start() + what + ": " + l.label() + " " + b.totals().of(l) + " bytes");
      }
      if (partial(trend, b)) {
        svg.text(x + w / 2, y - 4, "middle", "axis", TimeParsing.format(length(b)));
      }
      if (i % labelEvery == 0) {
        svg.text(
            x + w / 2,
            HEIGHT - BOTTOM + 16,
            "middle",
            "axis",
            b.start().toString().substring(0, 16).replace('T', ' '));
      }
    }
    h.append(svg.end());
  }

  private static Duration length(Bucket b) {
    return Duration.between(b.start(), b.end());
  }

  private static boolean partial(Trend trend, Bucket b) {
    return length(b).compareTo(trend.every()) < 0;
  }
}
