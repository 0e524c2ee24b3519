package dev.zonecost.engine;

import dev.zonecost.prometheus.Labels;
import dev.zonecost.source.QueryPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Label matchers that select a set of series by their own labels, for the reads by name: per wanted
 * series the one label whose value selects the fewest series that are not wanted (from the census,
 * which names every series in the window), the values of each label joined into one {@code =~}
 * alternation, cut into batches so no query exceeds the server's length limits. The batches
 * together select every wanted series; what else they select is ignored by the caller.
 */
final class SeriesCover {
  /**
   * The longest alternation in one matcher: VictoriaMetrics refuses queries over 16 KiB by default
   * ({@code -search.maxQueryLen}), and a query may name its selector twice.
   */
  static final int MAX_MATCHER_CHARS = 6_000;

  private final Map<String, Map<String, Integer>> inCensus;

  /** Counts, once, how many series of the census each label value selects. */
  SeriesCover(Collection<Map<String, String>> census) {
    this.inCensus = counts(census);
  }

  static List<List<String>> of(
      Collection<Map<String, String>> census, Collection<Map<String, String>> wanted) {
    return new SeriesCover(census).of(wanted);
  }

  static List<List<String>> of(
      Collection<Map<String, String>> census,
      Collection<Map<String, String>> wanted,
      int maxChars) {
    return new SeriesCover(census).of(wanted, maxChars);
  }

  /**
   * The matcher lists, one per request, that together select every {@code wanted} series; an empty
   * list when nothing is wanted, and one empty matcher list (the whole selector) when a wanted
   * series has no label to select it by.
   */
  List<List<String>> of(Collection<Map<String, String>> wanted) {
    return of(wanted, MAX_MATCHER_CHARS);
  }

  List<List<String>> of(Collection<Map<String, String>> wanted, int maxChars) {
    if (wanted.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Integer>> inWanted = counts(wanted);
    Map<String, TreeSet<String>> chosen = new TreeMap<>();
    for (Map<String, String> w : wanted) {
      // labels in name order, so ties go to the same label whatever map the caller holds
      Labels labels = Labels.of(w).byName();
      String bestLabel = null;
      long bestOver = Long.MAX_VALUE;
      int bestWanted = 0;
      for (int i = 0; i < labels.size(); i++) {
        String name = labels.name(i);
        String value = labels.value(i);
        if (name.equals("__name__") || value.isEmpty()) {
          continue;
        }
        int wantedHere = count(inWanted, name, value);
        long over = (long) count(inCensus, name, value) - wantedHere;
        if (over < bestOver || (over == bestOver && wantedHere > bestWanted)) {
          bestLabel = name;
          bestOver = over;
          bestWanted = wantedHere;
        }
      }
      if (bestLabel == null) {
        return List.of(List.of());
      }
      chosen.computeIfAbsent(bestLabel, k -> new TreeSet<>()).add(w.get(bestLabel));
    }
    List<List<String>> out = new ArrayList<>();
    chosen.forEach(
        (label, values) -> {
          List<String> batch = new ArrayList<>();
          int chars = 0;
          for (String v : values) {
            int len = QueryPlan.anyOf(label, List.of(v)).length() - label.length() - 3;
            if (!batch.isEmpty() && chars + len + 1 > maxChars) {
              out.add(List.of(QueryPlan.anyOf(label, batch)));
              batch = new ArrayList<>();
              chars = 0;
            }
            batch.add(v);
            chars += len + 1;
          }
          out.add(List.of(QueryPlan.anyOf(label, batch)));
        });
    return out;
  }

  /** How many of the series carry each value of each label (name → value → count). */
  private static Map<String, Map<String, Integer>> counts(Collection<Map<String, String>> series) {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    for (Map<String, String> s : series) {
      s.forEach(
          (name, value) -> {
            if (!value.isEmpty()) {
              out.computeIfAbsent(name, k -> new HashMap<>()).merge(value, 1, Integer::sum);
            }
          });
    }
    return out;
  }

  private static int count(Map<String, Map<String, Integer>> counts, String name, String value) {
    Map<String, Integer> byValue = counts.get(name);
    Integer n = byValue == null ? null : byValue.get(value);
    return n == null ? 0 : n;
  }
}
