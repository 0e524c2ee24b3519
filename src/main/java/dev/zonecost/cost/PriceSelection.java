package dev.zonecost.cost;

import dev.zonecost.common.UsageException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The billing rule a report is priced by: one provider of a price book, optionally in one region.
 * {@code region} is null when none was asked for; a region the book does not list is billed at the
 * provider's own rates, since most clouds price inter-zone traffic the same in every region.
 */
public record PriceSelection(ProviderPrice provider, String region) {
  public static final String DEFAULT_CLOUD = "aws";

  /** The provider name a {@code --price-per-gb} rate is reported under. */
  public static final String FLAT_RATE = "price-per-gb";

  public PriceSelection {
    Objects.requireNonNull(provider, "provider");
  }

  /**
   * The {@code cloud} provider of {@code book} ({@link #DEFAULT_CLOUD} when null), in {@code
   * region} when not null.
   */
  public static PriceSelection of(PriceBook book, String cloud, String region) {
    String name = cloud == null ? DEFAULT_CLOUD : cloud;
    ProviderPrice provider =
        book.provider(name)
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown --cloud '"
                            + name
                            + "': use one of "
                            + String.join(", ", book.providers().keySet())
                            + " or add it with --pricing"));
    return new PriceSelection(provider, region);
  }

  /**
   * A flat USD rate per GB (10^9 bytes), billed once per byte crossing zones (to the sender only),
   * for a quick estimate without a pricing file.
   */
  public static PriceSelection flatPerGb(BigDecimal pricePerGb) {
    if (pricePerGb == null || pricePerGb.signum() < 0) {
      throw new UsageException("--price-per-gb must be a number >= 0, got " + pricePerGb);
    }
    ProviderPrice flat =
        new ProviderPrice(
            FLAT_RATE,
            "USD",
            PriceUnit.GB,
            pricePerGb,
            BigDecimal.ZERO,
            Map.of(),
            "--price-per-gb",
            null);
    return new PriceSelection(flat, null);
  }

  public Rates rates() {
    return provider.rates(region);
  }

  public String currency() {
    return provider.currency();
  }

  public PriceUnit unit() {
    return provider.unit();
  }

  /** The rule in one line, e.g. "aws: $0.01/GB out + $0.01/GB in". */
  public String rule() {
    String name = region == null ? provider.name() : provider.name() + " (" + region + ")";
    Rates r = rates();
    String out = perUnit(r.sourcePerUnit()) + " out";
    String in = perUnit(r.destinationPerUnit()) + " in";
    if (r.sourcePerUnit().signum() > 0 && r.destinationPerUnit().signum() > 0) {
      return name + ": " + out + " + " + in;
    }
    if (r.sourcePerUnit().signum() > 0) {
      return name + ": " + out;
    }
    if (r.destinationPerUnit().signum() > 0) {
      return name + ": " + in;
    }
    return name + ": cross-zone traffic not billed";
  }

  private String perUnit(BigDecimal price) {
    return Money.format(price, currency()) + "/" + unit().name();
  }
}
