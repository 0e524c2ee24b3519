package dev.zonecost.accounting;

/** The spelling of an unknown zone, shared by every output. */
public final class Zones {
  public static final String UNKNOWN = "unknown";

  private Zones() {}

  public static boolean isUnknown(String zone) {
    return zone == null || zone.isEmpty() || zone.equals(UNKNOWN);
  }

  public static String normalize(String zone) {
    return isUnknown(zone) ? UNKNOWN : zone;
  }
}
