package dev.zonecost.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.NoDataException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
  private final Traffic t = Fixtures.sample(); // all 1200, cross 700, unknown 100

  private static Thresholds only(Long bytes, Double ratio, BigDecimal cost, Double unknown) {
    return new Thresholds(bytes, ratio, cost, CostBasis.WINDOW, unknown, false);
  }

  @Test
  void should_pass_at_the_limit_and_fail_one_byte_below_it() {
    assertTrue(only(700L, null, null, null).evaluate(t).get(0).passed());
    CheckResult r = only(699L, null, null, null).evaluate(t).get(0);
    assertFalse(r.passed());
    assertEquals("700 B", r.measured());
    assertEquals("699 B", r.limit());
    assertTrue(r.message().contains("700 B") && r.message().contains("699 B"), r.message());
  }

  @Test
  void should_name_the_top_three_pairs_by_cross_zone_bytes() {
    CheckResult r = only(1L, null, null, null).evaluate(t).get(0);
    assertEquals(
        List.of("app/web -> app/db 600 B", "app/web -> app/cache 100 B"), r.contributors());
  }

  @Test
  void should_compare_the_cross_zone_and_unknown_ratios_with_all_bytes() {
    List<CheckResult> rs = only(null, 0.5, null, 0.05).evaluate(t);
    assertEquals(2, rs.size());
    assertFalse(rs.get(0).passed(), "700/1200 = 0.583 > 0.5");
    assertTrue(rs.get(0).measured().startsWith("0.5833"), rs.get(0).measured());
    assertFalse(rs.get(1).passed(), "100/1200 = 0.083 > 0.05");
    assertEquals(List.of("app/api -> app/db 100 B"), rs.get(1).contributors());
    assertTrue(only(null, 0.6, null, 0.1).evaluate(t).stream().allMatch(CheckResult::passed));
  }

  @Test
  void should_say_which_cost_basis_and_project_the_month_linearly() {
    CheckResult window = only(null, null, new BigDecimal("6.99"), null).evaluate(t).get(0);
    assertFalse(window.passed());
    assertEquals("$7.00 window cost", window.measured());
    assertEquals("$6.99 window cost", window.limit());
    Thresholds month =
        new Thresholds(null, null, new BigDecimal("200"), CostBasis.MONTH, null, false);
    CheckResult m = month.evaluate(t).get(0);
    assertFalse(m.passed(), "7 a day is 210 in 30 days");
    assertEquals("$210.00 30-day projection", m.measured());
    assertEquals("app/web -> app/db $180.00 30-day projection", m.contributors().get(0));
  }

  @Test
  void should_print_a_cost_and_its_limit_by_one_rule_with_the_exact_value_when_rounded() {
    Traffic.Builder b = new Traffic.Builder();
    b.add(
        Fixtures.WEB_DB,
        dev.zonecost.accounting.Locality.CROSS_ZONE,
        "a -> b",
        1000,
        new BigDecimal("98.133948086"));
    Traffic odd = b.build(java.time.Duration.ofDays(1), "USD", new BigDecimal("98.133948086"));
    CheckResult r = only(null, null, new BigDecimal("100"), null).evaluate(odd).get(0);
    assertTrue(r.passed());
    assertEquals("$98.13 (98.133948086 USD) window cost", r.measured());
    assertEquals("$100.00 window cost", r.limit());
    CheckResult near = only(null, null, new BigDecimal("98.13"), null).evaluate(odd).get(0);
    assertFalse(near.passed(), "98.133948086 > 98.13, and the exact value shows why");
    assertTrue(near.message().contains("98.133948086 USD"), near.message());
  }

  @Test
  void should_check_each_pair_with_its_zone_pairs_as_contributors() {
    Thresholds perPair = new Thresholds(150L, 0.7, null, CostBasis.WINDOW, null, true);
    List<CheckResult> rs = perPair.evaluate(t);
    assertEquals(2 + 3 * 2, rs.size(), "two overall, then bytes and ratio for three pairs");
    CheckResult webDb =
        rs.stream()
            .filter(
                r -> r.scope().equals("app/web -> app/db") && r.name().equals("cross-zone bytes"))
            .findFirst()
            .orElseThrow();
    assertFalse(webDb.passed());
    assertEquals(List.of("zones a -> b 400 B", "zones a -> c 200 B"), webDb.contributors());
    CheckResult cacheRatio =
        rs.stream()
            .filter(
                r ->
                    r.scope().equals("app/web -> app/cache") && r.name().equals("cross-zone ratio"))
            .findFirst()
            .orElseThrow();
    assertFalse(cacheRatio.passed(), "web->cache is all cross-zone");
  }

  @Test
  void should_call_too_little_attributable_traffic_not_enough_data() {
    Coverage.require(t, 0.9); // 1100/1200 attributable
    NoDataException e = assertThrows(NoDataException.class, () -> Coverage.require(t, 0.95));
    assertTrue(e.getMessage().contains("--min-coverage"), e.getMessage());
  }
}
