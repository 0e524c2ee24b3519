package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.advise.AdviceReport;
import dev.zonecost.advise.Advisor;
import dev.zonecost.advise.ClusterFacts;
import dev.zonecost.advise.Datapath;
import dev.zonecost.advise.NodeCapacity;
import dev.zonecost.advise.ServiceInput;
import dev.zonecost.advise.ServiceKind;
import dev.zonecost.advise.ZoneTraffic;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.report.Report;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 29 rows 11, 15 and 16: hostile label values in Markdown, HTML and CSV. */
class HostileLabelsRenderTest {
  static final String LONG_ZONE = "a-very-long-zone-name-that-overlaps-1a";

  static Report hostile() {
    WorkloadRef evil =
        new WorkloadRef(
            "app", "Deployment", "<img src=x onerror=alert(1)>![i](https://e.example/i.png)");
    WorkloadRef bidi = new WorkloadRef("app", "Deployment", "\u202egnp.exe\u202c`x`|y");
    List<TrafficRow> rows =
        List.of(
            new TrafficRow(new TrafficKey(evil, bidi, "us-east-1a", LONG_ZONE), 3_000_000_000L),
            new TrafficRow(new TrafficKey(bidi, evil, LONG_ZONE, "us-east-1a"), 1_000L));
    return HostileLabelsRenderTestAccess.of(rows);
  }

  private static String render(Renderer r) throws Exception {
    StringWriter w = new StringWriter();
    r.render(hostile(), w);
    return w.toString();
  }

  @Test
  void should_escape_label_values_in_the_markdown_report() throws Exception {
    String md = render(new MarkdownRenderer());
    assertFalse(md.contains("<img"), md);
    assertFalse(md.contains("!["), md);
    assertFalse(md.contains("`x`"), md);
    assertFalse(md.indexOf('\u202e') >= 0, md);
    assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt;"), md);
    assertTrue(md.contains("\\u202egnp.exe"), md);
  }

  @Test
  void should_show_bidi_overrides_in_html_and_cut_long_zone_names_on_the_heat_map()
      throws Exception {
    String html = render(new HtmlRenderer());
    assertFalse(html.indexOf('\u202e') >= 0, "a bidi override would read exe.png");
    assertTrue(html.contains("\\u202egnp.exe"), "shown instead");
    assertFalse(html.contains("class=\"axis\">" + LONG_ZONE + "<"), "not the whole long name");
    assertTrue(html.contains("<title>" + LONG_ZONE + "</title>a-very-long-zon\u2026"), html);
  }

  @Test
  void should_escape_label_values_in_advise_markdown_and_guard_its_csv() throws Exception {
    Advisor advisor =
        new Advisor(
            new ClusterFacts(null, Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN, false),
            new CostEstimator(PriceSelection.flatPerGb(new java.math.BigDecimal("0.01"))),
            Duration.ofHours(1));
    String z1 = "=cmd|' /C calc'!A0";
    String z2 = "+b";
    ServiceInput api =
        new ServiceInput(
            "shop",
            "api",
            List.of(
                new ZoneTraffic(z1, 3_000_000_000L, 2_000_000_000L),
                new ZoneTraffic(z2, 3_000_000_000L, 1_000_000_000L)),
            0,
            Map.of(z1, 1.0, z2, 3.0),
            Map.of(z1, 1.0, z2, 1.0),
            0,
            ServiceKind.CLUSTER_IP,
            false,
            null);
    Instant end = Instant.parse("2026-11-01T01:00:00Z");
    AdviceReport r =
        new AdviceReport(
            end.minus(Duration.ofHours(1)),
            end,
            "=HYPERLINK(\"https://e.example\")",
            "flat",
            List.of(advisor.advise(api)),
            List.of("note <script>x</script> [l](https://e.example)"));
    StringWriter md = new StringWriter();
    AdviceRenderers.markdown().render(r, md);
    assertFalse(md.toString().contains("<script>"), md.toString());
    assertFalse(md.toString().contains("[l]("), md.toString());
    StringWriter csv = new StringWriter();
    AdviceRenderers.csv(false).render(r, csv);
    for (org.apache.commons.csv.CSVRecord rec :
        org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv.toString()))) {
      for (String c : rec) {
        assertFalse(
            !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0, "unguarded " + c + " in " + rec);
      }
    }
  }
}
