package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.report.Bucket;
import dev.zonecost.report.Totals;
import dev.zonecost.report.Trend;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * report --every -o html over 00:43 .. 02:03 every 1h: a 17-minute, a full and a 3-minute bucket.
 */
class HtmlTrendTest {
  static final Instant START = Instant.parse("2026-11-01T00:43:00Z");

  static Trend trend() {
    List<Bucket> buckets =
        List.of(
            bucket(START, Instant.parse("2026-11-01T01:00:00Z"), 170),
            bucket(
                Instant.parse("2026-11-01T01:00:00Z"), Instant.parse("2026-11-01T02:00:00Z"), 600),
            bucket(
                Instant.parse("2026-11-01T02:00:00Z"), Instant.parse("2026-11-01T02:03:00Z"), 30));
    return Trend.of(Duration.ofHours(1), buckets, RenderersTest.sample());
  }

  static Bucket bucket(Instant start, Instant end, long cross) {
    return new Bucket(start, end, List.of(), new Totals(cross, cross, 0), BigDecimal.ONE, Map.of());
  }

  static String html() throws Exception {
    StringWriter out = new StringWriter();
    new HtmlRenderer(trend()).render(RenderersTest.sample(), out);
    return out.toString();
  }

  @Test
  void should_draw_each_bucket_as_wide_as_the_time_it_covers() throws Exception {
    String trendSvg = html().split("id=\"trend\"")[1].split("</svg>")[0];
    // The cross-zone rect of each bucket (drawn first, so one per bucket): its width.
    Matcher m =
        Pattern.compile(
                "<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\"[^>]*><title>[^<]*cross-zone")
            .matcher(trendSvg);
    List<Double> widths = new ArrayList<>();
    while (m.find()) {
      widths.add(Double.parseDouble(m.group(1)));
    }
    assertEquals(3, widths.size(), trendSvg);
    // Bar plus its two gaps spans the plot in proportion to 17 : 60 : 3 minutes.
    double plot = 900 - 80 - 10;
    double[] minutes = {17, 60, 3};
    for (int i = 0; i < 3; i++) {
      double full = plot * minutes[i] / 80;
      assertEquals(full - 2 * Math.min(2, full * 0.1), widths.get(i), 0.11, "bucket " + i);
    }
  }

  @Test
  void should_mark_the_partial_buckets_and_match_the_golden_page() throws Exception {
    String html = html();
    assertTrue(html.contains("2026-11-01T00:43:00Z (partial: 17m)"), html);
    assertTrue(
        html.contains(
            "2026-11-01T00:43:00Z (17m) and 2026-11-01T02:00:00Z (3m) are partial buckets"),
        html);
    assertTrue(html.contains("<td class=\"num\" data-sort=\"1020\">17m (partial)"), html);
    assertTrue(html.contains("<td class=\"num\" data-sort=\"3600\">1h</td>"), html);
    Path golden = Path.of("src/test/resources/golden/report.trend.html.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, html, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), html);
  }
}
