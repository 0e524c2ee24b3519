package dev.zonecost.accounting;

/** Where a byte went relative to zones. Unknown is its own locality, never folded into cross. */
public enum Locality {
  SAME_ZONE("same-zone"),
  CROSS_ZONE("cross-zone"),
  UNKNOWN_ZONE("unknown-zone");

  private final String label;

  Locality(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Locality of(String sourceZone, String destinationZone) {
    if (Zones.isUnknown(sourceZone) || Zones.isUnknown(destinationZone)) {
      return UNKNOWN_ZONE;
    }
    return sourceZone.equals(destinationZone) ? SAME_ZONE : CROSS_ZONE;
  }

  public static Locality fromLabel(String label) {
    for (Locality l : values()) {
      if (l.label.equals(label)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown locality: " + label);
  }
}
