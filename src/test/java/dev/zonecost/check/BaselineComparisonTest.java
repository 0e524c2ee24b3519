package dev.zonecost.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.accounting.Selection;
import dev.zonecost.common.UsageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {
  private static final ObjectMapper M = new ObjectMapper();
  private final Traffic today = Fixtures.sample();

  /** A report JSON with web->db cross {@code webDbCross} and the other rows as today. */
  static ObjectNode doc(int schemaVersion, long webDbCross, boolean withCache) {
    ObjectNode root = M.createObjectNode();
    root.put("schemaVersion", schemaVersion);
    ObjectNode md = root.putObject("metadata");
    md.putObject("window").put("seconds", 86400);
    md.put("dedupe", "egress");
    md.put("dataAggregationLevel", "low");
    md.put("groupBy", "workload");
    md.putObject("selection").put("fromNamespace", "app").putNull("toNamespace");
    root.putObject("cost").put("currency", "USD").put("window", "7");
    ArrayNode rows = root.putArray("rows");
    row(rows, "web", "db", "a", "b", "cross-zone", webDbCross, "0");
    row(rows, "web", "db", "a", "a", "same-zone", 400, "0");
    if (withCache) {
      row(rows, "web", "cache", "b", "c", "cross-zone", 100, "1");
    }
    return root;
  }

  private static void row(
      ArrayNode rows, String s, String d, String sz, String dz, String loc, long b, String cost) {
    rows.addObject()
        .put("source_namespace", "app")
        .put("source_workload", s)
        .put("source_workload_kind", "Deployment")
        .put("destination_namespace", "app")
        .put("destination_workload", d)
        .put("destination_workload_kind", "Deployment")
        .put("source_zone", sz)
        .put("destination_zone", dz)
        .put("locality", loc)
        .put("bytes", b)
        .put("cost", cost);
  }

  private static Baseline baseline(ObjectNode doc) {
    return Baseline.of(Path.of("baseline.json"), doc);
  }

  @Test
  void should_pass_against_a_baseline_equal_to_today() {
    Baseline b = baseline(doc(1, 600, true));
    List<CheckResult> rs =
        new BaselineComparison(b, Increase.percent(0), CostBasis.WINDOW).compare(today);
    assertTrue(rs.stream().allMatch(CheckResult::passed), rs.toString());
    assertEquals(3 + 2, rs.size(), "bytes, ratio, cost overall; bytes for the two crossing pairs");
  }

  @Test
  void should_fail_a_regression_beyond_the_percentage_and_name_the_pair_that_grew() {
    Baseline b = baseline(doc(1, 300, true)); // web->db crossed 300, today 600
    List<CheckResult> rs =
        new BaselineComparison(b, Increase.percent(10), CostBasis.WINDOW).compare(today);
    CheckResult overall = rs.get(0);
    assertFalse(overall.passed());
    assertTrue(overall.measured().contains("+75.0%"), overall.measured()); // 400 -> 700
    assertEquals("baseline 400 B +10%", overall.limit());
    assertEquals(List.of("app/web -> app/db +300 B"), overall.contributors());
    CheckResult pair =
        rs.stream().filter(r -> r.scope().equals("app/web -> app/db")).findFirst().orElseThrow();
    assertFalse(pair.passed());
  }

  @Test
  void should_allow_an_absolute_increase_in_bytes_only() {
    Baseline b = baseline(doc(1, 300, true));
    List<CheckResult> ok =
        new BaselineComparison(b, Increase.bytes(300), CostBasis.WINDOW).compare(today);
    assertTrue(ok.stream().allMatch(CheckResult::passed), ok.toString());
    assertTrue(ok.stream().noneMatch(r -> r.name().contains("ratio")));
    List<CheckResult> bad =
        new BaselineComparison(b, Increase.bytes(299), CostBasis.WINDOW).compare(today);
    assertFalse(bad.get(0).passed());
  }

  @Test
  void should_report_a_pair_that_crosses_zones_for_the_first_time() {
    Baseline b = baseline(doc(1, 600, false));
    BaselineComparison c = new BaselineComparison(b, Increase.percent(50), CostBasis.WINDOW);
    assertEquals(List.of(Fixtures.WEB_CACHE), c.newCrossZonePairs(today));
    CheckResult fresh =
        c.compare(today).stream()
            .filter(r -> r.scope().equals("app/web -> app/cache"))
            .findFirst()
            .orElseThrow();
    assertEquals("new cross-zone pair vs baseline", fresh.name());
    assertFalse(fresh.passed(), "any growth from zero is more than a percentage");
  }

  @Test
  void should_refuse_another_schema_version() {
    UsageException e = assertThrows(UsageException.class, () -> baseline(doc(2, 600, true)));
    assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());
  }

  @Test
  void should_refuse_a_document_that_is_not_a_report() {
    ObjectNode d = doc(1, 600, true);
    d.remove("rows");
    assertThrows(UsageException.class, () -> baseline(d));
  }

  @Test
  void should_read_the_selection_and_grouping_the_baseline_was_made_with() {
    Baseline b = baseline(doc(1, 600, true));
    assertEquals(new Selection("app", null, null, null), b.selection());
    assertEquals("workload", b.groupBy());
  }
}
