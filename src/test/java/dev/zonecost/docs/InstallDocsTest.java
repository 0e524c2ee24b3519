package dev.zonecost.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Install section works today: it builds the release with scripts/release.sh and installs from
 * the archive that script writes; the download form names no placeholder host that cannot be
 * fetched (issue 32, Install).
 */
class InstallDocsTest {
  private static String section(Path file, String heading) throws IOException {
    String text = Files.readString(file);
    int at = text.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, file + " has no " + heading);
    int next = text.indexOf("\n## ", at + heading.length() + 1);
    return text.substring(at, next < 0 ? text.length() : next);
  }

  @Test
  void should_install_from_the_release_that_scripts_release_sh_builds() throws IOException {
    String release = Files.readString(Path.of("scripts/release.sh"));
    assertTrue(release.contains("name=zonecost-$version-linux-$arch"), "archive name changed");
    assertTrue(release.contains("--out) out=$2"), "release.sh lost --out");
    assertTrue(release.contains("$stage/completion/zonecost.bash"), "completion path changed");
    for (Path doc : new Path[] {Path.of("README.md"), Path.of("docs/setup.md")}) {
      String install = section(doc, "## Install");
      assertTrue(
          install.contains("scripts/release.sh --out /tmp/zonecost-release"), doc.toString());
      assertTrue(
          install.contains("/tmp/zonecost-release/zonecost-*-linux-*.tar.gz"), doc.toString());
      assertTrue(install.contains("/../completion/zonecost.bash"), doc.toString());
      assertFalse(install.contains("OWNER"), doc + ": a placeholder URL nobody can fetch");
      assertTrue(
          install.contains("git remote get-url origin"),
          doc + ": the download form derives the repository from the clone");
    }
  }
}
