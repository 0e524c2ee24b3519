package dev.zonecost.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every provider's billing rule by name, in the order the book lists them. */
public record PriceBook(Map<String, ProviderPrice> providers) {

  public PriceBook {
    // LinkedHashMap keeps the book's order for help texts and error messages.
    providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
  }

  public Optional<ProviderPrice> provider(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  /**
   * This book with {@code overrides} laid over it: a provider of the same name is replaced whole
   * (no field-by-field inheritance, so a file reads as exactly what it bills), new names are added.
   */
  public PriceBook mergedWith(PriceBook overrides) {
    Map<String, ProviderPrice> merged = new LinkedHashMap<>(providers);
    merged.putAll(overrides.providers);
    return new PriceBook(merged);
  }
}
