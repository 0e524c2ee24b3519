package dev.zonecost.cli;

import dev.zonecost.common.Timings;
import dev.zonecost.promql.LabelledQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --timings} table: one line per request in the order sent (named by the report's label
 * for its PromQL, else by the PromQL's start), their sums, then the phases and the total.
 */
final class TimingsTable {
  static final String JVM_START = "JVM start to the command";
  static final String REQUESTS = "requests, first sent to last answered";
  static final String TOTAL = "total, JVM start to the table";
  private static final int NAME = 50;

  private TimingsTable() {}

  static List<String> lines(Timings t, List<LabelledQuery> queries, long totalNanos) {
    Map<String, String> labels = new HashMap<>();
    queries.forEach(q -> labels.putIfAbsent(q.promql(), q.label()));
    List<Timings.Request> requests = new ArrayList<>(t.requests());
    requests.sort(Comparator.comparingLong(Timings.Request::startNanos));
    List<String> out = new ArrayList<>();
    out.add("zonecost: timings (seconds; bytes of the answers after decompression)");
    out.add(
        String.format(
            Locale.ROOT,
            "%-" + NAME + "s %9s %8s %8s %11s %12s",
            "request",
            "server",
            "wait",
            "read",
            "read CPU",
            "bytes"));
    double server = 0;
    long wait = 0;
    long read = 0;
    long cpu = 0;
    long bytes = 0;
    boolean anyServer = false;
    for (Timings.Request r : requests) {
      out.add(
          row(
              name(r.what(), labels),
              r.serverSeconds(),
              r.waitNanos(),
              r.readNanos(),
              r.decodeCpuNanos(),
              r.bytes()));
      if (!Double.isNaN(r.serverSeconds())) {
        server += r.serverSeconds();
        anyServer = true;
      }
      wait += r.waitNanos();
      read += r.readNanos();
      cpu += r.decodeCpuNanos();
      bytes += r.bytes();
    }
    out.add(
        row(
            "sum of " + requests.size() + " requests",
            anyServer ? server : Double.NaN,
            wait,
            read,
            cpu,
            bytes));
    out.add(String.format(Locale.ROOT, "%-" + NAME + "s %9s %8s", "phase", "wall", "CPU"));
    List<Timings.Phase> phases = new ArrayList<>(t.phases());
    if (!requests.isEmpty()) {
      long first = requests.get(0).startNanos();
      long last = requests.stream().mapToLong(Timings.Request::endNanos).max().orElse(first);
      phases.add(phases.isEmpty() ? 0 : 1, new Timings.Phase(REQUESTS, last - first, -1));
    }
    phases.add(new Timings.Phase(TOTAL, totalNanos, -1));
    for (Timings.Phase p : phases) {
      out.add(
          String.format(
              Locale.ROOT,
              "%-" + NAME + "s %9s %8s",
              p.name(),
              seconds(p.wallNanos()),
              p.cpuNanos() > 0 ? seconds(p.cpuNanos()) : "-"));
    }
    return out;
  }

  private static String row(
      String name, double server, long wait, long read, long cpu, long bytes) {
    return String.format(
        Locale.ROOT,
        "%-" + NAME + "s %9s %8s %8s %11s %,12d",
        name,
        Double.isNaN(server) ? "-" : String.format(Locale.ROOT, "%.3f", server),
        seconds(wait),
        seconds(read),
        seconds(cpu),
        bytes);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  /** The report's label of the PromQL, else the PromQL; cut to the column, on one line. */
  private static String name(String what, Map<String, String> labels) {
    String name = labels.getOrDefault(what, what).replaceAll("\\s+", " ");
    return name.length() <= NAME ? name : name.substring(0, NAME - 1) + "…";
  }
}
