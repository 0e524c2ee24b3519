package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict little reader of the simulator's OpenMetrics, written for the tests: it checks the
 * structure while it parses (one TYPE per family, families and series contiguous, timestamps
 * ascending, final # EOF) and fails the test on the first violation.
 */
final class OpenMetricsText {

  record Sample(long timestamp, long value) {}

  record Series(String family, Map<String, String> labels, List<Sample> samples) {
    String label(String name) {
      return labels.get(name);
    }

    long last() {
      return samples.get(samples.size() - 1).value();
    }
  }

  final Map<String, String> types = new LinkedHashMap<>();
  final List<Series> series = new ArrayList<>();

  static OpenMetricsText parse(String text) {
    OpenMetricsText om = new OpenMetricsText();
    assertTrue(text.endsWith("# EOF\n"), "must end with # EOF and a newline");
    String[] lines = text.substring(0, text.length() - "# EOF\n".length()).split("\n", -1);
    assertEquals("", lines[lines.length - 1], "last line before # EOF ends with a newline");
    Set<String> closedFamilies = new HashSet<>();
    Set<String> closedSeries = new HashSet<>();
    String family = null;
    String seriesText = null;
    Series current = null;
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      if (line.startsWith("# EOF")) {
        fail("# EOF before the end, line " + (i + 1));
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        assertEquals(4, parts.length, line);
        assertEquals("gauge", parts[3], line);
        if (family != null) {
          closedFamilies.add(family);
        }
        family = parts[2];
        assertFalse(closedFamilies.contains(family), "family " + family + " split at " + (i + 1));
        assertFalse(om.types.containsKey(family), "second TYPE for " + family);
        om.types.put(family, parts[3]);
        continue;
      }
      assertFalse(line.startsWith("#"), "unexpected comment: " + line);
      int brace = line.indexOf('{');
      int close = line.lastIndexOf('}');
      String name = line.substring(0, brace);
      assertEquals(family, name, "sample outside its family's block at line " + (i + 1));
      String labelText = line.substring(brace + 1, close);
      String[] rest = line.substring(close + 2).split(" ");
      assertEquals(2, rest.length, "value and timestamp: " + line);
      long value = Long.parseLong(rest[0]);
      long ts = Long.parseLong(rest[1]);
      String key = name + "{" + labelText + "}";
      if (!key.equals(seriesText)) {
        if (seriesText != null) {
          closedSeries.add(seriesText);
        }
        assertFalse(closedSeries.contains(key), "series split: " + key);
        seriesText = key;
        current = new Series(name, parseLabels(labelText), new ArrayList<>());
        om.series.add(current);
      } else {
        long prevTs = current.samples().get(current.samples().size() - 1).timestamp();
        assertTrue(ts > prevTs, "timestamps must ascend in " + key);
      }
      current.samples().add(new Sample(ts, value));
    }
    return om;
  }

  private static Map<String, String> parseLabels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      String name = text.substring(i, eq);
      assertEquals('"', text.charAt(eq + 1));
      StringBuilder v = new StringBuilder();
      int j = eq + 2;
      for (; text.charAt(j) != '"'; j++) {
        char c = text.charAt(j);
        if (c == '\\') {
          char n = text.charAt(++j);
          v.append(n == 'n' ? '\n' : n);
        } else {
          v.append(c);
        }
      }
      assertFalse(labels.containsKey(name), "duplicate label " + name);
      labels.put(name, v.toString());
      i = j + 1;
      if (i < text.length()) {
        assertEquals(',', text.charAt(i));
        i++;
      }
    }
    return labels;
  }

  List<Series> family(String name) {
    return series.stream().filter(s -> s.family().equals(name)).toList();
  }

  long sampleCount() {
    return series.stream().mapToLong(s -> s.samples().size()).sum();
  }
}
