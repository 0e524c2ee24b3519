package dev.zonecost.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/** One black-box run of the CLI with captured stdout and stderr. */
public record CliRun(String[] args, int exitCode, String out, String err) {

  /** No user config file can leak in: HOME points nowhere and the working dir has none. */
  private static final Map<String, String> ISOLATED = Map.of("HOME", "/nonexistent-home");

  public static CliRun run(Clock clock, String... args) {
    return run(clock, ISOLATED, Path.of("").toAbsolutePath(), args);
  }

  public static CliRun run(Clock clock, Map<String, String> env, Path workingDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.execute(
            clock,
            Environment.of(env),
            workingDir,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args);
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
