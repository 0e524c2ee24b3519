package dev.zonecost.cli;

/** zonecost's exit codes (DESIGN §6), listed in every command's help. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int BREACH = 3;
  public static final int BACKEND = 4;
  public static final int NO_DATA = 5;

  private ExitCodes() {}
}
