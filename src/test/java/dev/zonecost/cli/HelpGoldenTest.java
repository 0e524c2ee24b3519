package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's help, byte for byte. After an intended change: {@code mvn test
 * -Dtest=HelpGoldenTest -Dgolden.update=true} and review the diff.
 */
class HelpGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/help");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zonecost",
        "report",
        "check",
        "advise",
        "reconcile",
        "query",
        "rules",
        "dashboard",
        "doctor",
        "simulate",
        "config",
        "config view",
        "completion"
      })
  void should_print_the_help_of_the_golden_file(String command) throws IOException {
    String[] args = (command.equals("zonecost") ? "--help" : command + " --help").split(" ");
    CliRun run = CliRun.run(Clock.systemUTC(), args);
    assertEquals(0, run.exitCode(), run.describe());
    Path file = GOLDEN.resolve(command.replace(' ', '-') + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, run.out(), StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.exists(file), "missing golden file " + file + ": run with -Dgolden.update=true");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), run.out(), file.toString());
  }
}
