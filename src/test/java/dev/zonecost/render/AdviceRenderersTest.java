package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every view of one advice report shows the same numbers. */
class AdviceRenderersTest {
  static AdviceReport report() {
    CostEstimator prices = new CostEstimator(PriceSelection.flatPerGb(new BigDecimal("0.01")));
    Advisor advisor =
        new Advisor(
            new ClusterFacts(null, Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN, false),
            prices,
            Duration.ofHours(1));
    ServiceInput api =
        new ServiceInput(
            "shop",
            "api",
            List.of(
                new ZoneTraffic("a", 3_000_000_000L, 2_000_000_000L),
                new ZoneTraffic("b", 3_000_000_000L, 1_000_000_000L),
                new ZoneTraffic("c", 3_000_000_000L, 3_000_000_000L)),
            0,
            Map.of("a", 1.0, "b", 2.0),
            Map.of("a", 1.0, "b", 1.0),
            0,
            ServiceKind.CLUSTER_IP,
            false,
            null);
    ServiceInput db =
        new ServiceInput(
            "shop", "db", List.of(), 0, Map.of(), Map.of(), 0, ServiceKind.HEADLESS, false, null);
    Instant end = Instant.parse("2026-11-01T01:00:00Z");
    return new AdviceReport(
        end.minus(Duration.ofHours(1)),
        end,
        "USD",
        "flat",
        List.of(advisor.advise(db), advisor.advise(api)),
        List.of("an assumption"));
  }

  static String render(AdviceFormat f) throws Exception {
    StringWriter w = new StringWriter();
    f.view(true).render(report(), w);
    return w.toString();
  }

  @Test
  void json_and_yaml_are_one_document_ranked_by_saving() throws Exception {
    JsonNode json = new ObjectMapper().readTree(render(AdviceFormat.JSON));
    JsonNode yaml = new YAMLMapper().readTree(render(AdviceFormat.YAML));
    assertSame(json, yaml);
    assertEquals("api", json.get("services").get(0).get("service").asText());
    JsonNode api = json.get("services").get(0);
    assertEquals(6_000_000_000L, api.get("today").get("crossZoneBytes").asLong());
    assertEquals(3_000_000_000L, api.get("preferSameZone").get("savingBytes").asLong());
    assertTrue(api.get("preferSameZone").get("loadByZone").get(0).get("overloaded").asBoolean());
    assertEquals(
        "headless", json.get("services").get(1).get("gating").get(0).get("reason").asText());
    assertEquals(3_000_000_000L, json.get("totals").get("savingBytes").asLong());
    assertEquals("an assumption", json.get("metadata").get("assumptions").get(0).asText());
  }

  /** The same tree, leaves compared as text (YAML writes money unquoted). */
  static void assertSame(JsonNode a, JsonNode b) {
    assertEquals(a.isContainerNode(), b.isContainerNode(), a + " vs " + b);
    if (!a.isContainerNode()) {
      assertEquals(a.asText(), b.asText());
      return;
    }
    assertEquals(a.size(), b.size(), a + " vs " + b);
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        assertSame(a.get(i), b.get(i));
      }
    } else {
      a.fieldNames().forEachRemaining(f -> assertSame(a.get(f), b.get(f)));
    }
  }

  @Test
  void csv_has_one_row_per_service_under_the_documented_columns() throws Exception {
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(render(AdviceFormat.CSV)))
            .getRecords();
    assertEquals(2, rows.size());
    assertEquals(AdviceRenderers.CSV_COLUMNS, rows.get(0).getParser().getHeaderNames());
    assertEquals("3000000000", rows.get(0).get("saving_bytes"));
    assertEquals("a=2;b=2", rows.get(0).get("suggested_replicas"));
    assertEquals("headless", rows.get(1).get("gating"));
  }

  @Test
  void table_and_markdown_say_what_to_do_per_service() throws Exception {
    String table = render(AdviceFormat.TABLE);
    assertTrue(table.startsWith("SERVICE"), table);
    assertTrue(table.contains("shop/api: scale to a 2, b 2 ready endpoints"), table);
    assertTrue(table.contains("shop/db: nothing to set"), table);
    String md = render(AdviceFormat.MARKDOWN);
    assertTrue(md.startsWith("| Service |"), md);
    assertTrue(md.contains("| shop/api |"), md);
  }

  /** The report's cross-zone over the sample's window: api's 6 GB plus 4 GB without a Service. */
  static final AdviceRenderers.ReportTotal TOTAL =
      new AdviceRenderers.ReportTotal(10_000_000_000L, new BigDecimal("0.1"));

  @ParameterizedTest
  @EnumSource(
      value = AdviceFormat.class,
      names = {"TABLE", "MARKDOWN"})
  void should_render_the_golden_file_with_the_reports_total_beside_the_service_only_one(
      AdviceFormat f) throws Exception {
    StringWriter w = new StringWriter();
    f.view(true, TOTAL).render(report(), w);
    Path file = GOLDEN.resolve("advise." + f.name().toLowerCase(Locale.ROOT) + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), w.toString(), file.toString());
    assertTrue(
        w.toString()
            .contains(
                "counts 9.3 GiB cross-zone ($0.10), the other 3.7 GiB did not go through a ClusterIP"),
        w.toString());
  }

  @Test
  void should_explain_the_difference_without_a_figure_when_the_total_is_unknown() throws Exception {
    String table = render(AdviceFormat.TABLE);
    assertTrue(
        table.contains(
            "advise's cross-zone is Service traffic only (clients calling a Service's ClusterIP);\n"
                + "zonecost report counts more: what did not go through a ClusterIP"),
        table);
  }

  @Test
  void json_and_yaml_carry_the_reports_total_exactly_and_say_what_advise_counts() throws Exception {
    StringWriter w = new StringWriter();
    AdviceFormat.JSON.view(true, TOTAL).render(report(), w);
    JsonNode totals = new ObjectMapper().readTree(w.toString()).get("totals");
    assertEquals("service", totals.get("crossZoneScope").asText());
    assertEquals(10_000_000_000L, totals.get("reportCrossZoneBytes").asLong());
    assertEquals("0.1", totals.get("reportCrossZoneCost").asText());
    StringWriter y = new StringWriter();
    AdviceFormat.YAML.view(true, TOTAL).render(report(), y);
    assertSame(new ObjectMapper().readTree(w.toString()), new YAMLMapper().readTree(y.toString()));
  }

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
}
