package dev.zonecost.report;

import com.google.re2j.Pattern;
import dev.zonecost.accounting.Re2;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.common.NoDataException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.EngineResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exit 5's sentence when a report has no rows: a selection that matches nothing names the option,
 * the nearest namespaces or workloads the window does hold, and that the regexes are anchored; a
 * window without any traffic sends the user to {@code zonecost doctor}.
 */
final class NoMatch {
  private NoMatch() {}

  /** One selection option: its flag, its regex, which end of a row it reads, and what of it. */
  private record Option(String flag, String regex, Boolean source, boolean namespace) {
    /** Null: either end ({@code -n}). */
    boolean matches(Pattern p, TrafficRow row) {
      if (source == null) {
        return p.matches(row.key().source().namespace())
            || p.matches(row.key().destination().namespace());
      }
      return p.matches(value(row));
    }

    void names(TrafficRow row, java.util.Set<String> to) {
      if (source == null) {
        to.add(row.key().source().namespace());
        to.add(row.key().destination().namespace());
      } else {
        to.add(value(row));
      }
    }

    String value(TrafficRow row) {
      WorkloadRef end = source ? row.key().source() : row.key().destination();
      return namespace ? end.namespace() : end.name();
    }

    String what() {
      if (source == null) {
        return "namespace at either end";
      }
      return (source ? "source " : "destination ") + (namespace ? "namespace" : "workload");
    }
  }

  /**
   * @param unselected runs the same request without the namespace and workload regexes; asked only
   *     when the request had any
   */
  static NoDataException explain(
      EngineRequest request,
      EngineResult result,
      Function<EngineRequest, EngineResult> unselected) {
    String where = result.byteSource().equals("retina") ? "Retina" : result.byteSource();
    String head = "no " + where + " traffic matched in " + request.start() + " .. " + request.end();
    Selection s = request.selection();
    List<Option> includes = new ArrayList<>();
    add(includes, "--namespace", s.namespaceRegex(), null, true);
    add(includes, "--from-namespace", s.sourceNamespaceRegex(), true, true);
    add(includes, "--to-namespace", s.destinationNamespaceRegex(), false, true);
    add(includes, "--from-workload", s.sourceWorkloadRegex(), true, false);
    add(includes, "--to-workload", s.destinationWorkloadRegex(), false, false);
    List<Option> excludes = new ArrayList<>();
    add(excludes, "--exclude-from-namespace", s.excludeSourceNamespaceRegex(), true, true);
    add(excludes, "--exclude-to-namespace", s.excludeDestinationNamespaceRegex(), false, true);
    add(excludes, "--exclude-from-workload", s.excludeSourceWorkloadRegex(), true, false);
    add(excludes, "--exclude-to-workload", s.excludeDestinationWorkloadRegex(), false, false);
    if (includes.isEmpty() && excludes.isEmpty()) {
      return new NoDataException(head + ": " + noData(request, result));
    }
    Selection all = new Selection(null, null, null, null, null, null, null, null, s.cluster());
    EngineResult whole =
        unselected.apply(request.withSource(result.byteSource()).withSelection(all));
    if (whole.rows().isEmpty()) {
      return new NoDataException(
          head + ", with or without the selection: " + noData(request, whole));
    }
    List<String> misses = new ArrayList<>();
    for (Option o : includes) {
      Pattern p = Re2.compile(o.flag(), o.regex());
      if (whole.rows().stream().noneMatch(r -> o.matches(p, r))) {
        misses.add(miss(o, whole.rows()));
      }
    }
    if (!misses.isEmpty()) {
      return new NoDataException(
          head
              + ": "
              + String.join("; ", misses)
              + ". The regexes are anchored, as PromQL's are: the whole name must match"
              + glob(includes));
    }
    String flags =
        includes.stream()
            .map(o -> o.flag() + " '" + o.regex() + "'")
            .collect(Collectors.joining(", "));
    String left =
        excludes.stream()
            .map(o -> o.flag() + " '" + o.regex() + "'")
            .collect(Collectors.joining(", "));
    return new NoDataException(
        head
            + ": "
            + (includes.isEmpty()
                ? left + " leave" + (excludes.size() == 1 ? "s" : "") + " out all of it"
                : includes.size() > 1 || !excludes.isEmpty()
                    ? "each of "
                        + flags
                        + " matches some traffic, but none matches all of "
                        + (excludes.isEmpty() ? "them" : "them with " + left)
                    : flags
                        + " matches traffic only with ends the rest of the selection leaves out")
            + " ("
            + whole.rows().size()
            + " rows without the selection)");
  }

  private static void add(List<Option> to, String flag, String regex, Boolean src, boolean ns) {
    if (regex != null) {
      to.add(new Option(flag, regex, src, ns));
    }
  }

  private static String noData(EngineRequest request, EngineResult result) {
    return (result.stats().series() == 0
            ? "no " + request.names().forwardBytes() + " series in the window"
            : "the series in the window carried no bytes")
        + " — run `zonecost doctor` to see what is missing (the metrics, their labels, the"
        + " window's data)";
  }

  private static String miss(Option o, List<TrafficRow> rows) {
    TreeSet<String> names = new TreeSet<>();
    rows.forEach(r -> o.names(r, names));
    String literal = o.regex().replaceAll("[\\^$.*+?()\\[\\]{}|\\\\]", "");
    List<String> nearest =
        names.stream()
            .sorted(
                Comparator.comparingInt((String n) -> distance(literal, n))
                    .thenComparing(Comparator.naturalOrder()))
            .limit(3)
            .toList();
    return o.flag()
        + " '"
        + o.regex()
        + "' matches no "
        + o.what()
        + " in the window; nearest of its "
        + names.size()
        + ": "
        + String.join(", ", nearest);
  }

  /** A shell glob's star ({@code app-*}) means "the character before, repeated" in a regex. */
  private static String glob(List<Option> options) {
    for (Option o : options) {
      if (o.regex().matches(".*(^|[^.\\]\\)])\\*.*")) {
        return " ('"
            + o.regex()
            + "' is not a glob: for names starting so, write '"
            + o.regex().replaceAll("(?<![.\\])])\\*", ".*")
            + "')";
      }
    }
    return " (a part of a name needs '.*' around it)";
  }

  /** Levenshtein distance; a name that contains the regex's letters counts as near. */
  static int distance(String a, String b) {
    if (!a.isEmpty() && b.contains(a)) {
      return b.length() - a.length() == 0 ? 0 : 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
