package dev.zonecost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "98.133948086, $98.13",
    "100, $100.00",
    "1, $1.00",
    "1234.5, $1234.50",
    "0.009, $0.0090",
    "0.0317, $0.032",
    "0.5, $0.50",
    "0.3075, $0.31",
    "0.999, $1.00",
    "0.000012345, $0.000012",
    "0, $0.00",
    "-0.0317, -$0.032",
    "-12.345, -$12.35"
  })
  void should_print_cents_from_one_dollar_and_two_significant_digits_below(
      String amount, String expected) {
    assertEquals(expected, Money.human(new BigDecimal(amount), "USD"));
  }

  @Test
  void should_put_other_currencies_after_the_number() {
    assertEquals("0.0090 EUR", Money.human(new BigDecimal("0.009"), "EUR"));
    assertEquals("12.00 EUR", Money.human(new BigDecimal("12"), "EUR"));
  }

  @Test
  void should_stay_within_half_a_shown_unit_and_keep_the_order() {
    Random random = new Random(32);
    for (int i = 0; i < 10_000; i++) {
      BigDecimal a = BigDecimal.valueOf(Math.pow(10, random.nextDouble() * 10 - 6));
      BigDecimal b = BigDecimal.valueOf(Math.pow(10, random.nextDouble() * 10 - 6));
      BigDecimal pa = Money.forPeople(a);
      BigDecimal half = BigDecimal.ONE.movePointLeft(pa.scale()).divide(BigDecimal.valueOf(2));
      assertTrue(pa.subtract(a).abs().compareTo(half) <= 0, () -> a + " shown as " + pa);
      assertTrue(pa.scale() >= 2, () -> a + " shown as " + pa);
      if (a.compareTo(b) <= 0) {
        assertTrue(pa.compareTo(Money.forPeople(b)) <= 0, () -> a + " vs " + b);
      }
    }
  }
}
