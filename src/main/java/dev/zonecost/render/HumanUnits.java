package dev.zonecost.render;

import java.util.Locale;

/** Binary (IEC) units for people; exact byte counts stay in CSV, JSON and {@code wide}. */
public final class HumanUnits {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private HumanUnits() {}

  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < UNITS.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
  }

  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
