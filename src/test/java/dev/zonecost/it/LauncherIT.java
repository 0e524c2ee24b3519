package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The checkout's launcher and the demo as a newcomer runs them: {@code scripts/zonecost --version}
 * names the commit, and the builds they start print no raw colour codes.
 */
class LauncherIT {
  static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bounded: " + String.join(" ", command));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void scripts_zonecost_version_names_the_commit_even_of_a_jar_built_without_one()
      throws Exception {
    String head = run("git", "rev-parse", "HEAD").strip();
    String version = run("bash", "scripts/zonecost", "--version");
    assertTrue(version.startsWith("zonecost "), version);
    // The jar's own commit when the build was given one (scripts/test.sh, scripts/zonecost's own
    // build), else the checkout's, said to be the checkout's.
    assertTrue(
        version.contains("commit " + head + ", built")
            || (version.contains("commit unknown")
                && version.contains("checkout at commit " + head + " (this jar was built without")),
        version);
  }

  @Test
  void the_maven_builds_a_newcomer_starts_ask_for_no_colour_and_no_colour_resets()
      throws Exception {
    for (String script : List.of("scripts/demo.sh", "scripts/zonecost")) {
      List<String> lines = Files.readAllLines(Path.of(script));
      int builds = 0;
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.startsWith("#") && line.matches("(\\(cd .*&& )?mvn .*")) {
          builds++;
          // Maven 3.8 writes ESC[0m resets even with style.color=never unless jansi.noreset.
          assertTrue(line.contains("-Dstyle.color=never"), script + ": " + line);
          assertTrue(lines.get(i - 1).contains("-Djansi.noreset=true"), script + ": " + line);
        }
      }
      assertEquals(1, builds, script);
    }
  }
}
