package dev.zonecost.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the server's {@code [range]} selectors include their first instant. Prometheus 2 does
 * (closed); Prometheus 3 and VictoriaMetrics do not (left-open). {@code AUTO} reads the version
 * from buildinfo, and takes a server without one for left-open (VictoriaMetrics 1.79 reports none).
 */
public enum RangeSemantics {
  AUTO,
  CLOSED,
  LEFT_OPEN;

  /** Whether ranges are left-open on a server that reported {@code version}. */
  public boolean leftOpen(Optional<String> version) {
    return switch (this) {
      case CLOSED -> false;
      case LEFT_OPEN -> true;
      case AUTO -> version.map(RangeSemantics::leftOpenFor).orElse(true);
    };
  }

  /** Prometheus 3 made range selectors left-open; Prometheus 2 includes the range's start. */
  static boolean leftOpenFor(String version) {
    String v = version.startsWith("v") ? version.substring(1) : version;
    int dot = v.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? v : v.substring(0, dot)) >= 3;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** From the option's spelling: auto, closed, left-open. */
  public static RangeSemantics parse(String text) {
    for (RangeSemantics r : values()) {
      if (r.label().equalsIgnoreCase(text.trim())) {
        return r;
      }
    }
    throw new dev.zonecost.common.UsageException(
        "unknown --range-semantics '" + text + "': use auto, closed or left-open");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
