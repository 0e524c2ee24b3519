package dev.zonecost.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;

/**
 * One provider's inter-zone billing rule. {@code regions} holds per-region rates that replace the
 * provider's own; a region not listed is billed at the provider's rates. {@code source} and {@code
 * checked} say where the figures came from and when, and may be null for custom providers.
 */
public record ProviderPrice(
    String name,
    String currency,
    PriceUnit unit,
    BigDecimal sourcePerUnit,
    BigDecimal destinationPerUnit,
    Map<String, Rates> regions,
    String source,
    YearMonth checked) {

  public ProviderPrice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(unit, "unit");
    regions = Map.copyOf(regions == null ? Map.of() : regions);
    // Validates both prices once, so every ProviderPrice is billable.
    new Rates(sourcePerUnit, destinationPerUnit);
  }

  /** The rates for a region: its override when there is one, else the provider's (null = none). */
  public Rates rates(String region) {
    Rates override = region == null ? null : regions.get(region);
    return override != null ? override : new Rates(sourcePerUnit, destinationPerUnit);
  }
}
