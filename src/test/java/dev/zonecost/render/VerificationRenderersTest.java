package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.zonecost.advise.Shortfall;
import dev.zonecost.advise.Verification;
import dev.zonecost.advise.VerificationReport;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Every view of one verification shows the same numbers, label values escaped. */
class VerificationRenderersTest {
  static VerificationReport report() {
    Verification moved =
        new Verification(
            "=shop",
            "moved|x",
            3000,
            2000,
            0,
            2.0 / 3,
            0,
            6000,
            4000,
            0,
            1600,
            1600,
            0.6,
            Verification.Verdict.PARTLY,
            List.of(
                new Verification.Reason(
                    Shortfall.ENDPOINTS_MOVED, 0.2667, 1, "c had a ready endpoint 100% → 20%")));
    Verification steady =
        new Verification(
            "shop",
            "steady",
            3000,
            2000,
            0,
            2.0 / 3,
            0,
            3000,
            2000,
            0,
            0,
            0,
            1.0,
            Verification.Verdict.DELIVERED,
            List.of());
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    return new VerificationReport(
        t,
        t.plusSeconds(3600),
        t.plusSeconds(7200),
        t.plusSeconds(10800),
        List.of(steady, moved),
        List.of("an assumption"));
  }

  static String render(AdviceFormat f) throws Exception {
    StringWriter w = new StringWriter();
    VerificationRenderers.of(f, true).render(report(), w);
    return w.toString();
  }

  @Test
  void json_and_yaml_are_one_document_shortfalls_first() throws Exception {
    JsonNode json = new ObjectMapper().readTree(render(AdviceFormat.JSON));
    assertEquals(json, new YAMLMapper().readTree(render(AdviceFormat.YAML)));
    JsonNode first = json.get("services").get(0);
    assertEquals("moved|x", first.get("service").asText());
    assertEquals("partly", first.get("verdict").asText());
    assertEquals(1600, first.get("after").get("crossZoneBytes").asLong());
    assertEquals(4000, first.get("predictedSavingBytes").asLong());
    assertEquals(2400, first.get("savingBytes").asLong());
    assertEquals("endpoints-moved", first.get("reasons").get(0).get("reason").asText());
    assertEquals(1, json.get("totals").get("shortfalls").asLong());
    assertEquals("2026-11-01T00:00:00Z", json.get("metadata").get("before").get("start").asText());
  }

  @Test
  void csv_has_one_row_per_service_and_guards_formulas() throws Exception {
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .build()
            .parse(new StringReader(render(AdviceFormat.CSV)))
            .getRecords();
    assertEquals(2, rows.size());
    assertEquals(VerificationRenderers.CSV_COLUMNS, rows.get(0).getParser().getHeaderNames());
    assertEquals("'=shop", rows.get(0).get("namespace"));
    assertEquals("1600", rows.get(0).get("cross_zone_bytes"));
    assertEquals("endpoints-moved", rows.get(0).get("reasons"));
    assertEquals("delivered", rows.get(1).get("verdict"));
  }

  @Test
  void table_and_markdown_say_who_fell_short_and_why() throws Exception {
    String table = render(AdviceFormat.TABLE);
    assertTrue(table.contains("=shop/moved|x: endpoints-moved (26.7% of the bytes)"), table);
    assertTrue(table.contains("1 Service fell short."), table);
    String md = render(AdviceFormat.MARKDOWN);
    assertTrue(md.contains("moved\\|x"), md);
    assertTrue(md.contains("| 60.0% | partly |"), md);
  }
}
