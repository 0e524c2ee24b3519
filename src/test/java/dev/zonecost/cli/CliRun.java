package dev.zonecost.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Arrays;

/** One black-box run of the CLI with captured stdout and stderr. */
public record CliRun(String[] args, int exitCode, String out, String err) {

  public static CliRun run(Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Cli.create(clock);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(args, code, out.toString(), err.toString());
  }

  /** What a failing assertion prints: everything needed to reproduce and understand the run. */
  public String describe() {
    return "zonecost "
        + String.join(" ", Arrays.asList(args))
        + "\nexit code: "
        + exitCode
        + "\n--- stdout ---\n"
        + out
        + "\n--- stderr ---\n"
        + err;
  }
}
