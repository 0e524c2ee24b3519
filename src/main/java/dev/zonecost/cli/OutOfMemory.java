package dev.zonecost.cli;

/**
 * What a run that ran out of heap says: one line and exit 1, never a stack trace. The launcher sets
 * the heap (scripts/zonecost, packaging/bin/zonecost); the line says how to give it more.
 */
final class OutOfMemory {
  private OutOfMemory() {}

  /** True when {@code t} or one of its causes is an OutOfMemoryError. */
  static boolean in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return true;
      }
      if (c.getCause() == c) {
        return false;
      }
    }
    return false;
  }

  static String message() {
    long mib = Runtime.getRuntime().maxMemory() >> 20;
    return "out of memory (the Java heap is limited to "
        + mib
        + " MiB): what this run has to hold does not fit — narrow the window or the selection, or"
        + " give Java more heap, e.g. ZONECOST_JAVA_OPTS='-XX:+UseSerialGC -Xmx4g'";
  }
}
