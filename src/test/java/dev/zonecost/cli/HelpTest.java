package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"report", "query", "simulate"})
  void should_show_examples_and_exit_codes_in_every_commands_help(String command) {
    CliRun run = CliRun.run(Clock.systemUTC(), command, "--help");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("Examples:"), run.describe());
    assertTrue(run.out().contains("Exit codes:"), run.describe());
    assertTrue(run.out().contains("zonecost " + command), run.describe());
  }

  @Test
  void should_print_the_version() {
    CliRun run = CliRun.run(Clock.systemUTC(), "--version");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().startsWith("zonecost "), run.describe());
  }

  @Test
  void should_generate_a_bash_completion_script_that_knows_the_commands_and_flags() {
    CliRun run = CliRun.run(Clock.systemUTC(), "completion");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("complete -F"), run.describe());
    assertTrue(run.out().contains("--prometheus-url"), "flags of subcommands are completed");
    assertTrue(run.out().contains("report"), run.describe());
  }

  @Test
  void should_ask_for_a_command_when_none_is_given() {
    CliRun run = CliRun.run(Clock.systemUTC());
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("missing command"), run.describe());
  }
}
