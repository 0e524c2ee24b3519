package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceBookLoader;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
  static Report sample() {
    WorkloadRef client = new WorkloadRef("app-client", "Deployment", "client");
    WorkloadRef server = new WorkloadRef("app-server", "Deployment", "server");
    WorkloadRef evil = new WorkloadRef("=cmd", "Deployment", "+x,\"y\"");
    List<TrafficRow> rows =
        List.of(
            new TrafficRow(
                new TrafficKey(client, server, "us-east-1a", "us-east-1b"), 3_000_000_000L),
            new TrafficRow(new TrafficKey(client, server, "us-east-1a", "us-east-1a"), 1_000_000L),
            new TrafficRow(new TrafficKey(evil, server, "unknown", "us-east-1a"), 1023L));
    ReportMetadata md =
        new ReportMetadata(
            1,
            "test",
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-01T02:00:00Z"),
            "window",
            "egress",
            "low",
            "kube-state-metrics",
            "2.42.0",
            10,
            1,
            4,
            1,
            0,
            List.of(new LabelledQuery("q", "up")),
            List.of(),
            List.of("a note", ReportMetadata.TO_DO + "act on this"),
            GroupBy.WORKLOAD,
            Selection.ALL,
            false,
            new WindowEdges(
                Instant.parse("2026-11-01T00:00:00Z"), null, Duration.ofHours(1), 2, 0, 0),
            null);
    return Report.of(
        md, rows, new CostEstimator(PriceSelection.of(PriceBookLoader.loadDefault(), "aws", null)));
  }

  private static String render(Renderer r) throws Exception {
    StringWriter w = new StringWriter();
    r.render(sample(), w);
    return w.toString();
  }

  @Test
  void the_footer_says_what_the_report_found_first_then_how_then_actions_before_information()
      throws Exception {
    String table = render(new TableRenderer(true));
    String footer = table.substring(table.indexOf("\nFrom ") + 1);
    List<String> lines = footer.lines().toList();
    assertEquals(
        "From 2026-11-01T00:00:00Z to 2026-11-01T02:00:00Z: 2.8 GiB of 2.8 GiB crossed zones,"
            + " costing $0.060; 1023 B (0.0%) could not be placed in a zone.",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("how: the window read whole"), lines.get(1));
    assertEquals(List.of("to do: act on this", "note: a note"), lines.subList(2, 4));
  }

  @Test
  void should_write_the_csv_contract_header_and_exact_bytes() throws Exception {
    String csv = render(new CsvRenderer(true));
    String[] lines = csv.split("\n");
    assertEquals(
        "source_namespace,source_workload,destination_namespace,destination_workload,"
            + "source_zone,destination_zone,locality,bytes,cost,currency",
        lines[0]);
    assertEquals(
        "app-client,client,app-server,server,us-east-1a,us-east-1b,cross-zone,3000000000,0.06,USD",
        lines[1]);
    assertEquals(4, lines.length);
  }

  @Test
  void should_guard_csv_cells_against_formula_injection_and_quote_per_rfc4180() throws Exception {
    String csv = render(new CsvRenderer(false));
    assertTrue(csv.contains("'=cmd,\"'+x,\"\"y\"\"\",app-server"), csv);
  }

  @Test
  void should_carry_rows_totals_matrix_and_metadata_in_json() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(render(new JsonRenderer()));
    assertEquals(1, doc.get("schemaVersion").asInt());
    assertEquals(3, doc.get("rows").size());
    assertEquals(3_000_000_000L, doc.get("totals").get("cross-zone").asLong());
    assertEquals(1023, doc.get("totals").get("unknown-zone").asLong());
    assertEquals(3_001_001_023L, doc.get("totals").get("all").asLong());
    assertEquals("egress", doc.get("metadata").get("dedupe").asText());
    // 3 GB moved across zones on AWS: $0.01/GB out + $0.01/GB in
    assertEquals("0.06", doc.get("cost").get("window").asText());
    assertEquals("0.06", doc.get("rows").get(0).get("cost").asText());
    assertEquals(
        "0", doc.get("rows").get(2).get("cost").asText(), "unknown-zone rows cost nothing");
    // 2 h window -> 30 days = x360
    assertEquals("21.6", doc.get("cost").get("projection30d").asText());
    assertEquals(7200, doc.get("metadata").get("window").get("seconds").asLong());
    long matrix = 0;
    for (JsonNode c : doc.get("zoneMatrix")) {
      matrix += c.get("bytes").asLong();
    }
    assertEquals(3_001_001_023L, matrix);
  }

  @Test
  void should_print_human_units_totals_matrix_and_footer_in_the_table() throws Exception {
    String t = render(new TableRenderer(true));
    assertTrue(t.startsWith("SOURCE"), t);
    assertTrue(t.contains("app-client/client"), t);
    assertTrue(t.contains("2.8 GiB"), t);
    assertTrue(t.contains("1023 B"), t);
    assertTrue(t.contains("FROM \\ TO"), t);
    assertTrue(t.contains("dedupe egress"), t);
    assertTrue(t.contains("note: a note"), t);
  }
}
