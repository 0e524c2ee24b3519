package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

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

  @Test
  void should_name_the_completion_command_by_its_real_name() {
    CliRun run = CliRun.run(Clock.systemUTC(), "completion", "--help");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("zonecost completion"), run.describe());
    assertFalse(run.out().contains("generate-completion"), run.describe());
  }

  @Test
  void should_complete_enum_values_in_lower_case_as_they_are_typed() {
    String script = CliRun.run(Clock.systemUTC(), "completion").out();
    for (String values :
        List.of(
            "bytes cost cross-ratio",
            "auto closed left-open",
            "table wide csv json yaml markdown html",
            "tidy matrix",
            "seed edge large services switch",
            "auto egress ingress max none")) {
      String quoted = "(\"" + values.replace(" ", "\" \"") + "\")";
      assertTrue(script.contains(quoted), quoted);
    }
    for (String upper : List.of("CROSS_RATIO", "LEFT_OPEN", "EGRESS", "MARKDOWN", "WINDOW")) {
      assertFalse(script.contains(upper), upper);
    }
  }

  @Test
  void should_give_every_enum_option_lower_case_completion_candidates() {
    CommandLine cl = Cli.create(Clock.systemUTC(), Environment.of(Map.of()));
    for (CommandLine sub : cl.getSubcommands().values()) {
      for (OptionSpec o : sub.getCommandSpec().options()) {
        if (o.type().isEnum()) {
          assertNotNull(o.completionCandidates(), o.longestName());
          for (String value : o.completionCandidates()) {
            assertEquals(value.toLowerCase(Locale.ROOT), value, o.longestName());
          }
        }
      }
    }
  }

  @Test
  void should_read_the_lower_case_values_with_hyphens() {
    CliRun run =
        CliRun.run(
            Clock.systemUTC(),
            "report",
            "--range-semantics",
            "left-open",
            "--sort-by",
            "CROSS_ratio",
            "--help");
    assertEquals(0, run.exitCode(), run.describe());
    CliRun bad = CliRun.run(Clock.systemUTC(), "report", "--sort-by", "size");
    assertEquals(2, bad.exitCode(), bad.describe());
    assertTrue(bad.err().contains("use bytes, cost or cross-ratio, not 'size'"), bad.describe());
  }
}
