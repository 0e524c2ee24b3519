package dev.zonecost.accounting;

import java.util.Comparator;

/** Whole bytes for one workload pair and zone pair, after dedupe. */
public record TrafficRow(TrafficKey key, long bytes) {

  /** The default, stable row order: bytes descending, then by key. */
  public static final Comparator<TrafficRow> DEFAULT_ORDER =
      Comparator.comparingLong(TrafficRow::bytes)
          .reversed()
          .thenComparing(r -> r.key().source().namespace())
          .thenComparing(r -> r.key().source().name())
          .thenComparing(r -> r.key().destination().namespace())
          .thenComparing(r -> r.key().destination().name())
          .thenComparing(r -> r.key().sourceZone())
          .thenComparing(r -> r.key().destinationZone())
          .thenComparing(r -> r.key().source().kind())
          .thenComparing(r -> r.key().destination().kind());

  public Locality locality() {
    return key.locality();
  }
}
