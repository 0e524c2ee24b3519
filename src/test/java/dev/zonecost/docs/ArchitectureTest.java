package dev.zonecost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's code map against the code: every package is listed and every listed one
 * exists, and no package imports a zonecost package its entry does not allow.
 */
class ArchitectureTest {
  private static final Path ROOT = Path.of("src/main/java/dev/zonecost");
  private static final Path DOC = Path.of("docs/architecture.md");
  private static final String ROOT_PACKAGE = "dev.zonecost";

  private static final Pattern ENTRY = Pattern.compile("^- \\*\\*`([a-z0-9.]+)`\\*\\*");
  private static final Pattern IMPORTS = Pattern.compile("^\\s+imports: (.*)$");
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?dev\\.zonecost((?:\\.[a-z0-9_]+)*)\\.(?:[A-Z*])");

  @Test
  void should_list_every_package_and_only_existing_ones() throws IOException {
    assertEquals(packages(), new TreeSet<>(codeMap().keySet()), "packages against the code map");
  }

  @Test
  void should_allow_only_listed_packages_in_the_imports_lines() throws IOException {
    Map<String, Set<String>> map = codeMap();
    List<String> unknown = new ArrayList<>();
    map.forEach(
        (pkg, allowed) ->
            allowed.stream()
                .filter(a -> !map.containsKey(a) || a.equals(pkg))
                .forEach(a -> unknown.add(pkg + " -> " + a)));
    assertTrue(unknown.isEmpty(), "imports lines naming no other listed package: " + unknown);
  }

  @Test
  void should_import_only_what_the_code_map_allows() throws IOException {
    Map<String, Set<String>> map = codeMap();
    List<String> violations = new ArrayList<>();
    Map<String, Set<String>> used = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String pkg = packageOf(file.getParent());
        Set<String> allowed = map.getOrDefault(pkg, Set.of());
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Matcher m = IMPORT.matcher(line.strip());
          if (!m.find()) {
            continue;
          }
          String target = m.group(1).isEmpty() ? ROOT_PACKAGE : m.group(1).substring(1);
          if (!target.equals(pkg)) {
            used.computeIfAbsent(pkg, k -> new TreeSet<>()).add(target);
          }
          if (!target.equals(pkg) && !allowed.contains(target)) {
            violations.add(ROOT.relativize(file) + " (" + pkg + ") imports " + target);
          }
        }
      }
    }
    // the map is exact: a listed import that no file makes any more is stale
    map.forEach(
        (pkg, allowed) -> {
          for (String a : allowed) {
            if (!used.getOrDefault(pkg, Set.of()).contains(a)) {
              violations.add(
                  pkg + " no longer imports " + a + " (remove it from its imports: line)");
            }
          }
        });
    assertTrue(
        violations.isEmpty(),
        "imports the code map in "
            + DOC
            + " does not allow (add them to the package's imports: line if intended):\n  "
            + String.join("\n  ", violations));
  }

  /** Commands stay thin (issue 25): parse, call one service, render, exit code. */
  @Test
  void should_keep_every_class_in_cli_at_150_lines_or_fewer() throws IOException {
    List<String> long_ = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("cli"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        int n = Files.readAllLines(f, StandardCharsets.UTF_8).size();
        if (n > 150) {
          long_.add(f.getFileName() + " (" + n + " lines)");
        }
      }
    }
    assertTrue(long_.isEmpty(), "cli/ classes over 150 lines: " + long_);
  }

  /** Every directory under the root holding a .java file, as a code-map name. */
  private static Set<String> packages() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(f -> packageOf(f.getParent()))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static String packageOf(Path dir) {
    Path rel = ROOT.relativize(dir);
    return rel.toString().isEmpty() ? ROOT_PACKAGE : rel.toString().replace('/', '.');
  }

  /** The code map's entries, each with its allowed imports; fails on a malformed entry. */
  static Map<String, Set<String>> codeMap() throws IOException {
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    int start = lines.indexOf("## Code map");
    assertTrue(start >= 0, DOC + " has no '## Code map' section");
    Map<String, Set<String>> map = new LinkedHashMap<>();
    String current = null;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher entry = ENTRY.matcher(line);
      if (entry.find()) {
        assertTrue(current == null, "entry " + current + " has no imports: line");
        current = entry.group(1);
        assertFalse(map.containsKey(current), "package listed twice: " + current);
        continue;
      }
      Matcher imports = IMPORTS.matcher(line);
      if (imports.find() && current != null) {
        String list = imports.group(1).strip();
        map.put(
            current,
            list.equals("none")
                ? Set.of()
                : Arrays.stream(list.split(","))
                    .map(String::strip)
                    .collect(Collectors.toCollection(TreeSet::new)));
        current = null;
      }
    }
    assertTrue(current == null, "entry " + current + " has no imports: line");
    assertFalse(map.isEmpty(), DOC + "'s code map lists no package");
    return map;
  }
}
