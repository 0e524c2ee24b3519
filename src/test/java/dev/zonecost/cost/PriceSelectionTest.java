package dev.zonecost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zonecost.common.UsageException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceSelectionTest {
  private static final PriceBook BOOK = PriceBookLoader.loadDefault();

  @Test
  void should_default_to_aws() {
    assertEquals("aws", PriceSelection.of(BOOK, null, null).provider().name());
  }

  @Test
  void should_name_the_choices_for_an_unknown_cloud() {
    UsageException e =
        assertThrows(UsageException.class, () -> PriceSelection.of(BOOK, "oracle", null));

    assertEquals(
        "unknown --cloud 'oracle': use one of aws, gcp, azure or add it with --pricing",
        e.getMessage());
  }

  @Test
  void should_bill_a_region_the_book_does_not_list_at_the_provider_rate() {
    PriceSelection s = PriceSelection.of(BOOK, "aws", "eu-west-1");

    assertEquals(0, new BigDecimal("0.01").compareTo(s.rates().destinationPerUnit()));
    assertEquals("aws (eu-west-1): $0.01/GB out + $0.01/GB in", s.rule());
  }

  @Test
  void should_state_each_shipped_rule() {
    assertEquals("gcp: $0.01/GiB out", PriceSelection.of(BOOK, "gcp", null).rule());
    assertEquals(
        "azure: cross-zone traffic not billed", PriceSelection.of(BOOK, "azure", null).rule());
  }

  @Test
  void should_bill_a_flat_rate_once_per_gb_to_the_sender() {
    PriceSelection flat = PriceSelection.flatPerGb(new BigDecimal("0.02"));

    assertEquals("price-per-gb: $0.02/GB out", flat.rule());
    assertEquals(PriceUnit.GB, flat.unit());
    assertEquals("USD", flat.currency());
    assertEquals(new BigDecimal("0.02"), new CostEstimator(flat).crossZoneCost(1_000_000_000L));
  }

  @Test
  void should_refuse_a_negative_flat_rate() {
    UsageException e =
        assertThrows(UsageException.class, () -> PriceSelection.flatPerGb(new BigDecimal("-0.01")));

    assertEquals("--price-per-gb must be a number >= 0, got -0.01", e.getMessage());
  }
}
