package dev.zonecost.cli;

/** zonecost's exit codes (DESIGN §6), listed in every command's help. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int BREACH = 3;
  public static final int BACKEND = 4;
  public static final int NO_DATA = 5;

  /** For picocli's {@code exitCodeList}: "code:description". */
  public static final String[] LIST = {
    "0:success",
    "1:unexpected internal error (a bug; --verbose shows the stack trace)",
    "2:usage or configuration error (bad flag, bad time, end before start)",
    "3:check found a breach (reserved for zonecost check)",
    "4:back end failed (unreachable, timeout, Prometheus error, malformed answer)",
    "5:not enough data (nothing matched the selection in the window)"
  };

  private ExitCodes() {}
}
