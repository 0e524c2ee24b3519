package dev.zonecost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.cli.Cli;
import dev.zonecost.common.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  private static String[] viaMain(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  private static String[] viaPicocli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.execute(
            Clock.systemUTC(),
            dev.zonecost.cli.Environment.of(Map.of("HOME", "/nonexistent-home")),
            Path.of("").toAbsolutePath(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V"})
  void should_print_through_the_fast_path_exactly_what_picocli_prints(String flag) {
    assertTrue(BuildInfo.isVersionRequest(flag), "the fast path is taken");
    String[] fast = viaMain(flag);
    String[] picocli = viaPicocli(flag);
    assertEquals(picocli[0], fast[0], "exit code");
    assertEquals(picocli[1], fast[1], "stdout");
    assertEquals(picocli[2], fast[2], "stderr");
    assertTrue(fast[1].startsWith("zonecost "), fast[1]);
    assertEquals(3, fast[1].lines().count(), fast[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version report", "report --version", "--version --verbose", "-v"})
  void should_leave_every_other_command_line_to_picocli(String line) {
    assertFalse(BuildInfo.isVersionRequest(line.split(" ")), line);
  }
}
