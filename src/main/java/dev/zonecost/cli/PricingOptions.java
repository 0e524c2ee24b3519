package dev.zonecost.cli;

import dev.zonecost.cost.PriceBook;
import dev.zonecost.cost.PriceBookLoader;
import dev.zonecost.cost.PriceSelection;
import java.math.BigDecimal;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which prices turn cross-zone bytes into money. */
public final class PricingOptions {
  @Option(
      names = "--cloud",
      paramLabel = "NAME",
      description =
          "Billing rule from the price book: aws (default: $0.01/GB out + $0.01/GB in), gcp"
              + " ($0.01/GiB, sender), azure (free), or a provider added with --pricing.")
  String cloud;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "Use the price book's override for this region, when it has one.")
  String region;

  @Option(
      names = "--pricing",
      paramLabel = "FILE",
      description =
          "A price book YAML laid over the shipped one (see examples/pricing-override.yaml).")
  Path pricing;

  @Option(
      names = "--price-per-gb",
      paramLabel = "PRICE",
      description =
          "A flat USD price per GB (10^9 bytes) crossing zones, instead of the price book.")
  BigDecimal pricePerGb;

  public PriceSelection selection() {
    if (pricePerGb != null) {
      return PriceSelection.flatPerGb(pricePerGb);
    }
    PriceBook book =
        pricing == null ? PriceBookLoader.loadDefault() : PriceBookLoader.load(pricing);
    return PriceSelection.of(book, cloud, region);
  }
}
