package dev.zonecost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two packages under {@code dev.zonecost} depend on each other, directly or through others; a
 * sub-package counts as a package of its own ({@code source} and {@code source.retina} are two). A
 * dependency is an import, static import or fully qualified name in code of {@code src/main/java}.
 */
class PackageCyclesTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String ROOT = "dev.zonecost";

  /** A reference to a type: the package is what comes before the first capitalised segment. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.zonecost((?:\\.[a-z_][a-z0-9_]*)*)\\.(?:[A-Z*])");

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
  private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

  @Test
  void should_find_no_cycle_between_packages() {
    Map<String, Set<String>> graph = dependencies();
    assertTrue(graph.containsKey(ROOT + ".source.retina"), "read the sources: " + graph.keySet());
    List<List<String>> cycles = new ArrayList<>();
    for (List<String> scc : stronglyConnected(graph)) {
      if (scc.size() > 1) {
        cycles.add(scc);
      }
    }
    StringBuilder why = new StringBuilder();
    for (List<String> scc : cycles) {
      why.append("\npackages depending on each other: ").append(scc);
      for (String from : scc) {
        for (String to : graph.get(from)) {
          if (scc.contains(to)) {
            why.append("\n  ").append(from).append(" -> ").append(to).append(witness(from, to));
          }
        }
      }
    }
    assertEquals(List.of(), cycles, why.toString());
  }

  @Test
  void should_see_a_cycle_when_there_is_one() {
    Map<String, Set<String>> g = new TreeMap<>();
    g.put("a", new TreeSet<>(Set.of("b")));
    g.put("b", new TreeSet<>(Set.of("c")));
    g.put("c", new TreeSet<>(Set.of("a", "d")));
    g.put("d", new TreeSet<>());
    List<List<String>> sccs = stronglyConnected(g);
    assertTrue(sccs.contains(List.of("a", "b", "c")), sccs.toString());
    assertTrue(sccs.contains(List.of("d")), sccs.toString());
  }

  /** The package of each main source file and the packages under dev.zonecost it refers to. */
  private static Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path file : javaFiles()) {
      String code = code(file);
      Matcher p = PACKAGE.matcher(code);
      if (!p.find()) {
        continue;
      }
      String pkg = p.group(1);
      Set<String> deps = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
      Matcher m = REFERENCE.matcher(code);
      while (m.find()) {
        String to = ROOT + m.group(1);
        if (!to.equals(pkg)) {
          deps.add(to);
          graph.computeIfAbsent(to, k -> new TreeSet<>());
        }
      }
    }
    return graph;
  }

  /** A file of {@code from} that refers to {@code to}, for the failure message. */
  private static String witness(String from, String to) {
    for (Path file : javaFiles()) {
      String code = code(file);
      Matcher p = PACKAGE.matcher(code);
      if (p.find() && p.group(1).equals(from)) {
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          if ((ROOT + m.group(1)).equals(to)) {
            return " (" + MAIN.relativize(file) + ")";
          }
        }
      }
    }
    return "";
  }

  private static List<Path> javaFiles() {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file without comments and string literals: only code refers to packages. */
  private static String code(Path file) {
    try {
      String text = Files.readString(file);
      return STRINGS.matcher(COMMENTS.matcher(text).replaceAll(" ")).replaceAll("\"\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tarjan's strongly connected components, each sorted, in the order they complete. */
  static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> out = new ArrayList<>();
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<List<String>> out) {
    int i = index.size();
    index.put(v, i);
    low.put(v, i);
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> scc = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        scc.add(w);
      } while (!w.equals(v));
      scc.sort(null);
      out.add(scc);
    }
  }
}
