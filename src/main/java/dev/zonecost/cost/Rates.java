package dev.zonecost.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one unit crossing zones is billed: to the sending side and to the receiving side. AWS bills
 * both, GCP only the sender, so both sides are kept rather than one "per GB" figure.
 */
public record Rates(BigDecimal sourcePerUnit, BigDecimal destinationPerUnit) {

  public Rates {
    Objects.requireNonNull(sourcePerUnit, "sourcePerUnit");
    Objects.requireNonNull(destinationPerUnit, "destinationPerUnit");
    if (sourcePerUnit.signum() < 0 || destinationPerUnit.signum() < 0) {
      throw new IllegalArgumentException("prices must be >= 0");
    }
  }

  /** What one unit moved from one zone to another costs in all. */
  public BigDecimal perUnitMoved() {
    return sourcePerUnit.add(destinationPerUnit);
  }
}
