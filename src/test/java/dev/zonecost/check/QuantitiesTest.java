package dev.zonecost.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

  @ParameterizedTest
  @CsvSource({
    "123, 123",
    "10GB, 10000000000",
    "10GiB, 10737418240",
    "10 gib, 10737418240",
    "1.5KB, 1500",
    "2MiB, 2097152",
    "7B, 7"
  })
  void should_parse_decimal_and_binary_sizes(String text, long bytes) {
    assertEquals(bytes, Quantities.bytes("--max-cross-zone-bytes", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ten", "-5GB", "10XB", "GB"})
  void should_refuse_what_is_not_a_size_naming_the_option(String text) {
    UsageException e =
        assertThrows(UsageException.class, () -> Quantities.bytes("--max-cross-zone-bytes", text));
    assertTrue(e.getMessage().contains("--max-cross-zone-bytes"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"0.25, 0.25", "25%, 0.25", "0, 0", "1, 1", "100%, 1"})
  void should_parse_ratios_as_fractions_or_percent(String text, double want) {
    assertEquals(want, Quantities.ratio("--max-cross-zone-ratio", text), 1e-12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "-0.1", "150%", "x", "NaN"})
  void should_refuse_ratios_outside_zero_to_one(String text) {
    assertThrows(UsageException.class, () -> Quantities.ratio("--max-cross-zone-ratio", text));
  }

  @ParameterizedTest
  @CsvSource({"10%, 10.0,", "2.5%, 2.5,", "5GB, , 5000000000", "1024, , 1024"})
  void should_parse_an_increase_as_percent_or_bytes(String text, Double percent, Long bytes) {
    assertEquals(new Increase(percent, bytes), Quantities.increase("--max-increase", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-10%", "ten%", "%"})
  void should_refuse_a_bad_increase(String text) {
    assertThrows(UsageException.class, () -> Quantities.increase("--max-increase", text));
  }
}
