package dev.zonecost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.cli.Cli;
import dev.zonecost.cli.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md is generated from the golden help files (which {@code HelpGoldenTest} holds equal to
 * the real {@code --help}), so the reference cannot drift from the CLI. After a help change:
 * refresh the golden files, then {@code mvn test -Dtest=CliReferenceTest
 * -Dzonecost.updateDocs=true} and review the diff.
 */
class CliReferenceTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/help");
  private static final Path CLI_MD = Path.of("docs/cli.md");
  private static final String FENCE = "```";
  private static final String HEADER =
      """
      # CLI reference

      <!-- Generated from src/test/resources/golden/help by CliReferenceTest; do not edit. -->

      Every command's `--help`, as the command prints it. This page is generated from the golden
      help files (`src/test/resources/golden/help/`), which `HelpGoldenTest` holds equal to the
      real help; `CliReferenceTest` fails when this page differs from them. After changing a
      command's options:

      ```sh
      mvn test -Dtest=HelpGoldenTest -Dgolden.update=true          # refresh the help
      mvn test -Dtest=CliReferenceTest -Dzonecost.updateDocs=true  # regenerate this page
      ```

      The commands in use: [commands](commands.md). What the options mean in depth:
      [accounting](accounting.md), [configuration](configuration.md), [back ends](backends.md),
      [set-up](setup.md). Exit codes: [commands](commands.md#exit-codes).

      """;

  @Test
  void should_match_the_reference_generated_from_the_golden_help() throws IOException {
    String expected = reference(commands());
    if (Boolean.getBoolean("zonecost.updateDocs")) {
      Files.writeString(CLI_MD, expected, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(CLI_MD), "missing " + CLI_MD + ": run with -Dzonecost.updateDocs=true");
    assertEquals(
        expected,
        Files.readString(CLI_MD, StandardCharsets.UTF_8),
        CLI_MD
            + " is stale: mvn test -Dtest=CliReferenceTest -Dzonecost.updateDocs=true, then"
            + " review the diff");
  }

  @Test
  void should_have_a_golden_help_file_for_every_command_and_no_other() throws IOException {
    Set<String> wanted =
        commands().stream().map(CliReferenceTest::fileName).collect(Collectors.toSet());
    Set<String> present;
    try (Stream<Path> files = Files.list(GOLDEN)) {
      present =
          files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(new TreeSet<>(wanted), present, "golden help files against the CLI's commands");
  }

  /** The root, then every subcommand in the order the root's help lists them, depth first. */
  static List<String> commands() {
    CommandLine root =
        Cli.create(Clock.systemUTC(), Environment.of(Map.of("HOME", "/nonexistent-home")));
    List<String> names = new ArrayList<>();
    names.add("zonecost");
    walk(root, "", names);
    return names;
  }

  private static void walk(CommandLine parent, String prefix, List<String> names) {
    parent
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand
                  || sub.getCommandSpec().usageMessage().hidden()
                  || !name.equals(sub.getCommandName())) {
                return; // picocli's own `help`; hidden commands (kubectl's __complete); aliases
              }
              String qualified = prefix.isEmpty() ? name : prefix + " " + name;
              names.add(qualified);
              walk(sub, qualified, names);
            });
  }

  private static String fileName(String command) {
    return command.replace(' ', '-') + ".txt";
  }

  static String reference(List<String> commands) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append(HEADER).append("## Commands\n\n");
    for (String command : commands) {
      String title = title(command);
      md.append("- [`").append(title).append("`](#").append(title.replace(' ', '-')).append(")\n");
    }
    for (String command : commands) {
      String help = Files.readString(GOLDEN.resolve(fileName(command)), StandardCharsets.UTF_8);
      assertTrue(
          help.lines().noneMatch(l -> l.startsWith(FENCE)), command + "'s help holds a fence");
      md.append("\n## ")
          .append(title(command))
          .append("\n\n")
          .append(FENCE)
          .append("text\n")
          .append(help.endsWith("\n") ? help : help + "\n")
          .append(FENCE)
          .append("\n");
    }
    return md.toString();
  }

  private static String title(String command) {
    return command.equals("zonecost") ? "zonecost" : "zonecost " + command;
  }
}
