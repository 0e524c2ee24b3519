package dev.zonecost;

import dev.zonecost.cli.Cli;
import java.time.Clock;

/** Entry point: builds the command line, runs it, exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.create(Clock.systemUTC()).execute(args));
  }
}
