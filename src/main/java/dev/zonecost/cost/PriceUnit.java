package dev.zonecost.cost;

import java.math.BigDecimal;

/**
 * The byte count a price is quoted per. Clouds differ: AWS quotes per "GB", GCP per GiB, so the
 * unit is part of each provider's entry rather than assumed.
 */
public enum PriceUnit {
  GB(new BigDecimal("1000000000")),
  GiB(new BigDecimal(1L << 30));

  private final BigDecimal bytes;

  PriceUnit(BigDecimal bytes) {
    this.bytes = bytes;
  }

  public BigDecimal bytes() {
    return bytes;
  }

  /** The unit spelled exactly as in a price book (case matters: "gb" is not accepted). */
  public static PriceUnit parse(String text) {
    for (PriceUnit u : values()) {
      if (u.name().equals(text)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unit must be GB or GiB, got \"" + text + "\"");
  }
}
