package dev.zonecost;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.zonecost.cli.Cli;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Clock;

/** Entry point: hands the CLI the clock, the environment and the console; exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
    int code = Cli.execute(Clock.systemUTC(), System.getenv(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
