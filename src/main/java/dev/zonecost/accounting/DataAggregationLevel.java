package dev.zonecost.accounting;

/**
 * Retina's {@code dataAggregationLevel}: how many times an agent observes one byte (DESIGN §3).
 * {@code low} (Helm default) sees a byte twice per node; {@code high} once per node, but twice for
 * two pods on the same node.
 */
public enum DataAggregationLevel {
  LOW,
  HIGH;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
