package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Issue 29, memory: an OutOfMemoryError anywhere ends in one line and exit 1. */
class OutOfMemoryTest {
  @Command(name = "oom")
  static final class Thrower implements Callable<Integer> {
    private final RuntimeException wrapped;

    Thrower(RuntimeException wrapped) {
      this.wrapped = wrapped;
    }

    @Override
    public Integer call() {
      if (wrapped != null) {
        throw wrapped;
      }
      throw new OutOfMemoryError("Java heap space");
    }
  }

  private static String run(Thrower command, int expectedCode) {
    CommandLine cl = new CommandLine(command);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setExecutionExceptionHandler(new ErrorHandler());
    assertEquals(expectedCode, Cli.guarded(cl), err.toString());
    return err.toString();
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("zonecost: out of memory (the Java heap is limited to "), err);
    assertTrue(err.contains("ZONECOST_JAVA_OPTS"), err);
    assertFalse(err.contains("\tat ") || err.contains("Error:"), err);
  }

  @Test
  void should_end_an_out_of_memory_error_on_the_command_s_thread_in_one_line() {
    assertOneLine(run(new Thrower(null), ExitCodes.INTERNAL));
  }

  @Test
  void should_end_one_that_a_pool_or_stream_wrapped_in_one_line() {
    assertOneLine(
        run(
            new Thrower(new IllegalStateException(new OutOfMemoryError("Java heap space"))),
            ExitCodes.INTERNAL));
  }
}
