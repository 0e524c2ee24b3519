package dev.zonecost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {
  private static final long GB = 1_000_000_000L;
  private static final long GIB = 1L << 30;
  private static final PriceBook BOOK = PriceBookLoader.loadDefault();

  private static CostEstimator on(String cloud) {
    return new CostEstimator(PriceSelection.of(BOOK, cloud, null));
  }

  private static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> expected + " != " + actual);
  }

  private static TrafficRow row(String sourceZone, String destinationZone, long bytes) {
    WorkloadRef client = new WorkloadRef("app", "Deployment", "client");
    WorkloadRef server = new WorkloadRef("app", "Deployment", "server");
    return new TrafficRow(new TrafficKey(client, server, sourceZone, destinationZone), bytes);
  }

  @Test
  void should_charge_two_cents_for_one_gb_moved_across_zones_on_aws() {
    // $0.01 out of the source zone + $0.01 into the destination zone.
    assertEquals(new BigDecimal("0.02"), on("aws").crossZoneCost(GB));
  }

  @Test
  void should_charge_one_cent_for_one_gib_sent_across_zones_on_gcp() {
    assertMoney("0.01", on("gcp").crossZoneCost(GIB));
  }

  @Test
  void should_charge_nothing_across_zones_on_azure() {
    assertMoney("0", on("azure").crossZoneCost(1_000 * GB));
  }

  @Test
  void should_convert_bytes_to_the_provider_unit_exactly() {
    // 10^9 bytes on GCP are 10^9 / 2^30 GiB at $0.01 each: 0.00931322574615478515625 exactly.
    BigDecimal expected =
        new BigDecimal("0.01").multiply(new BigDecimal(GB)).divide(new BigDecimal(GIB));

    BigDecimal cost = on("gcp").crossZoneCost(GB);

    assertEquals(expected, cost);
    assertMoney("0.00931322574615478515625", cost);
  }

  @Test
  void should_charge_only_cross_zone_rows() {
    CostEstimator aws = on("aws");

    assertMoney("0.06", aws.rowCost(row("a", "b", 3 * GB)));
    assertMoney("0", aws.rowCost(row("a", "a", 3 * GB)));
    assertMoney("0", aws.rowCost(row("a", "unknown", 3 * GB)));
    assertMoney("0", aws.rowCost(row("", "b", 3 * GB)));
  }

  @Test
  void should_price_by_locality() {
    CostEstimator aws = on("aws");

    assertMoney("0.02", aws.cost(Locality.CROSS_ZONE, GB));
    assertMoney("0", aws.cost(Locality.SAME_ZONE, GB));
    assertMoney("0", aws.cost(Locality.UNKNOWN_ZONE, GB));
  }

  @Test
  void should_bound_unknown_bytes_as_if_all_had_crossed_zones() {
    assertMoney("0.10", on("aws").unknownUpperBound(5 * GB));
    assertMoney("0.05", on("gcp").unknownUpperBound(5 * GIB));
  }

  @Test
  void should_project_a_two_hour_dollar_to_360_over_30_days() {
    BigDecimal projected = CostEstimator.projection(BigDecimal.ONE, Duration.ofHours(2));

    assertEquals(new BigDecimal("360"), projected);
  }

  @Test
  void should_project_to_any_horizon_linearly() {
    assertMoney(
        "7", CostEstimator.projection(BigDecimal.ONE, Duration.ofDays(1), Duration.ofDays(7)));
    // 30 days / 7 h does not terminate: kept to 34 significant digits.
    assertMoney(
        "102.8571428571428571428571428571429",
        CostEstimator.projection(BigDecimal.ONE, Duration.ofHours(7)));
  }

  @Test
  void should_refuse_to_project_an_empty_window() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CostEstimator.projection(BigDecimal.ONE, Duration.ZERO));
  }

  @Test
  void should_refuse_negative_bytes() {
    assertThrows(IllegalArgumentException.class, () -> on("aws").crossZoneCost(-1));
  }

  @Test
  void should_summarize_a_window() {
    // 50 GB crossed in 6 h at $0.02/GB = $1; 30 days are 120 such windows.
    CostSummary s = on("aws").summarize(50 * GB, 10 * GB, Duration.ofHours(6));

    assertEquals("aws", s.provider());
    assertEquals(null, s.region());
    assertEquals("USD", s.currency());
    assertEquals(PriceUnit.GB, s.unit());
    assertEquals("aws: $0.01/GB out + $0.01/GB in", s.rule());
    assertMoney("1", s.windowCost());
    assertMoney("120", s.projected30d());
    assertMoney("0.2", s.unknownUpperBound());
  }

  @Test
  void should_price_a_region_override() {
    PriceBook book = PriceBookLoader.load(PriceBookLoaderTest.resource("custom.yaml"));
    CostEstimator estimator = new CostEstimator(PriceSelection.of(book, "aws", "ap-test-1"));

    // $0.02 out + $0.03 in per GB.
    assertMoney("0.05", estimator.crossZoneCost(GB));
  }

  @Test
  void should_price_a_custom_provider() {
    PriceBook book = PriceBookLoader.load(PriceBookLoaderTest.resource("custom.yaml"));
    CostEstimator metal = new CostEstimator(PriceSelection.of(book, "metal", null));

    CostSummary s = metal.summarize(2 * GIB, 0, Duration.ofDays(30));

    assertMoney("0.01", s.windowCost());
    assertMoney("0.01", s.projected30d());
    assertEquals("metal: 0.005 EUR/GiB out", s.rule());
  }

  @Test
  void should_round_only_for_display() {
    BigDecimal exact = on("gcp").crossZoneCost(GB);

    assertEquals("$0.0093", Money.human(exact, "USD"));
    assertEquals(new BigDecimal("0.01"), Money.rounded(exact, 2));
    assertEquals("$0.02", Money.format(on("aws").crossZoneCost(GB), "USD"));
  }
}
