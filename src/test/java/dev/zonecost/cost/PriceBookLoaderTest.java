package dev.zonecost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.UsageException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceBookLoaderTest {

  static Path resource(String name) {
    try {
      return Path.of(PriceBookLoaderTest.class.getResource("/pricing/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertPrice(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> expected + " != " + actual);
  }

  @Test
  void should_ship_aws_gcp_and_azure_in_that_order() {
    PriceBook book = PriceBookLoader.loadDefault();

    assertEquals(List.of("aws", "gcp", "azure"), List.copyOf(book.providers().keySet()));
  }

  @Test
  void should_ship_aws_as_a_cent_per_gb_on_each_side() {
    ProviderPrice aws = PriceBookLoader.loadDefault().provider("aws").orElseThrow();

    assertEquals("USD", aws.currency());
    assertEquals(PriceUnit.GB, aws.unit());
    assertPrice("0.01", aws.sourcePerUnit());
    assertPrice("0.01", aws.destinationPerUnit());
    assertEquals(YearMonth.of(2026, 11), aws.checked());
    assertTrue(aws.source().contains("aws.amazon.com/ec2/pricing/on-demand"), aws.source());
  }

  @Test
  void should_ship_gcp_as_a_cent_per_gib_to_the_sender_only() {
    ProviderPrice gcp = PriceBookLoader.loadDefault().provider("gcp").orElseThrow();

    assertEquals(PriceUnit.GiB, gcp.unit());
    assertPrice("0.01", gcp.sourcePerUnit());
    assertPrice("0", gcp.destinationPerUnit());
    assertNotNull(gcp.source());
  }

  @Test
  void should_ship_azure_as_free() {
    ProviderPrice azure = PriceBookLoader.loadDefault().provider("azure").orElseThrow();

    assertPrice("0", azure.sourcePerUnit());
    assertPrice("0", azure.destinationPerUnit());
  }

  @Test
  void should_replace_a_shipped_provider_and_add_a_custom_one_from_a_file() {
    PriceBook book = PriceBookLoader.load(resource("custom.yaml"));

    assertEquals(List.of("aws", "gcp", "azure", "metal"), List.copyOf(book.providers().keySet()));
    ProviderPrice aws = book.provider("aws").orElseThrow();
    // Replaced whole: the file gives no source note, so none is inherited from the shipped book.
    assertEquals(null, aws.source());
    ProviderPrice metal = book.provider("metal").orElseThrow();
    assertEquals("EUR", metal.currency());
    assertEquals(PriceUnit.GiB, metal.unit());
    assertPrice("0.005", metal.sourcePerUnit());
    assertPrice("0.01", book.provider("gcp").orElseThrow().sourcePerUnit());
  }

  @Test
  void should_read_region_overrides_and_keep_the_provider_rate_for_a_side_left_out() {
    ProviderPrice aws = PriceBookLoader.load(resource("custom.yaml")).provider("aws").orElseThrow();

    assertPrice("0.02", aws.rates("ap-test-1").sourcePerUnit());
    assertPrice("0.03", aws.rates("ap-test-1").destinationPerUnit());
    assertPrice("0.015", aws.rates("eu-south-9").sourcePerUnit());
    assertPrice("0.01", aws.rates("eu-south-9").destinationPerUnit());
    assertPrice("0.01", aws.rates("us-east-1").sourcePerUnit());
  }

  @Test
  void should_load_the_documented_example_override() {
    PriceBook book = PriceBookLoader.load(Path.of("examples", "pricing-override.yaml"));

    ProviderPrice onprem = book.provider("onprem").orElseThrow();
    assertPrice("0.002", onprem.sourcePerUnit());
    assertPrice("0", onprem.destinationPerUnit());
    assertPrice("0.008", book.provider("aws").orElseThrow().rates("eu-central-1").sourcePerUnit());
    assertTrue(book.provider("azure").isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "bad-syntax.yaml         | :6: not valid YAML: while parsing a flow sequence, expected ',' or ']'",
        "unknown-key.yaml        | :7: provider 'aws': unknown key 'destPerUnit' (allowed: currency,",
        "negative-price.yaml     | :5: provider 'gcp': sourcePerUnit must be a number >= 0, got \"-0.01\"",
        "not-a-number.yaml       | :7: provider 'aws': destinationPerUnit must be a number >= 0, got \"abc\"",
        "bad-unit.yaml           | :4: provider 'aws': unit must be GB (10^9 bytes) or GiB (2^30 bytes), got \"MB\"",
        "missing-currency.yaml   | :2: provider 'onprem': currency is missing",
        "unknown-region-key.yaml | :9: provider 'aws' region 'us-east-1': unknown key 'price'",
        "unknown-root-key.yaml   | :1: unknown key 'provider' (allowed: providers)",
        "duplicate-key.yaml      | :6: 'sourcePerUnit' is given twice",
        "empty.yaml              | :1: the file is empty",
      })
  void should_reject_a_malformed_file_naming_file_line_and_field(String file, String expected) {
    Path path = resource(file);

    UsageException e = assertThrows(UsageException.class, () -> PriceBookLoader.load(path));

    String message = e.getMessage();
    assertTrue(message.startsWith(path + ":"), message);
    assertTrue(message.contains(file + expected), message);
  }

  @Test
  void should_say_when_the_pricing_file_does_not_exist() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> PriceBookLoader.load(Path.of("no-such-pricing.yaml")));

    assertEquals("pricing file not found: no-such-pricing.yaml", e.getMessage());
  }
}
