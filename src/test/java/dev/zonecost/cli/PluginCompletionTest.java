package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zonecost __complete: what kubectl_complete-zonecost answers kubectl with. */
class PluginCompletionTest {
  static List<String> complete(String... words) {
    String[] args = new String[words.length + 1];
    args[0] = "__complete";
    System.arraycopy(words, 0, args, 1, words.length);
    CliRun run = CliRun.run(Clock.systemUTC(), args);
    assertEquals(0, run.exitCode(), run.describe());
    return run.out().lines().toList();
  }

  @Test
  void should_complete_commands_then_options_then_closed_values_with_cobras_directive() {
    assertEquals(List.of("report", "reconcile", ":4"), complete("re"));
    assertEquals(List.of("--fix-hints", ":4"), complete("doctor", "--fix"));
    assertEquals(List.of("view", ":4"), complete("config", ""));
    assertEquals(List.of("cost", "cross-ratio", ":4"), complete("report", "--sort-by", "c"));
    assertEquals(
        List.of("table", "json", "yaml", ":4"), complete("doctor", "--since", "1h", "-o", ""));
  }

  @Test
  void should_leave_file_and_free_values_to_the_shell() {
    assertEquals(List.of(":0"), complete("report", "--output-file", ""));
    assertEquals(List.of(":0"), complete("report", "--since", ""));
  }

  @Test
  void kubectl_zonecost_completion_points_to_kubectls_completion_instead_of_a_broken_script() {
    CliRun run =
        CliRun.run(
            Clock.systemUTC(),
            java.util.Map.of(Cli.INVOKED_AS, "kubectl zonecost"),
            java.nio.file.Path.of("").toAbsolutePath(),
            "completion");
    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out(), "no script that would take over kubectl's completion");
    assertTrue(run.err().contains("kubectl_complete-zonecost"), run.describe());
  }

  @Test
  void should_not_offer_itself_among_the_commands() {
    assertFalse(complete("").contains("__complete"));
  }
}
