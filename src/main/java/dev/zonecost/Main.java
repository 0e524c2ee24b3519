package dev.zonecost;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.zonecost.cli.Cli;
import dev.zonecost.common.BuildInfo;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Clock;

/** Entry point: hands the CLI the clock, the environment and the console; exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // A thread of the HTTP client or a pool that runs out of heap would print its stack trace and
    // leave the run hanging; one line and exit 1 instead, as on the main thread.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof OutOfMemoryError) {
            System.err.println(
                "zonecost: out of memory (the Java heap is limited to "
                    + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB) — narrow the window or the selection, or give Java more heap with"
                    + " ZONECOST_JAVA_OPTS");
            System.err.flush();
            Runtime.getRuntime().halt(1);
          }
          e.printStackTrace();
        });
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * A lone {@code --version} or {@code -V} is answered here, without building picocli's model of
   * every subcommand (most of the start-up time); everything else goes to the CLI.
   */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    if (BuildInfo.isVersionRequest(args)) {
      // A loop, not a method reference: bootstrapping a lambda costs ~40 ms of start-up here.
      for (String line : BuildInfo.versionLines()) {
        out.println(line);
      }
      return 0;
    }
    return Cli.execute(Clock.systemUTC(), System.getenv(), out, err, args);
  }
}
