package dev.zonecost.engine;

import dev.zonecost.accounting.PodDirectory;
import dev.zonecost.prometheus.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A byte source scraped by two jobs (Retina's chart annotates its pods for {@code
 * prometheus.io/scrape} and ships a ServiceMonitor): every series then exists twice, with the same
 * counter values, the copies differing only by the labels the scrape adds. Counting both doubles
 * every number, so of each such group one job's series are kept.
 *
 * <p>What identifies a series: every label but the scrape's ({@link #SCRAPE_LABELS}), plus the
 * agent that exported it — its node, read from {@code instance} (a node's name, or a node's IP with
 * or without a port, as {@link PodDirectory#agentNode} reads it), else the scrape's {@code node}
 * label, else {@code instance} without its port. Two agents' copies of one flow (both nodes report
 * it) therefore stay apart, and within one job nothing is ever dropped: a DaemonSet pod replaced in
 * the window gives two series of one job with another {@code pod}, both counted. Only a group with
 * series under two or more jobs loses the series of all jobs but one: the job with the most series
 * in the answer (then the first by name).
 */
final class ScrapeCopies {
  /**
   * Labels a scrape adds, never an agent: the job, the target's address, and the
   * prometheus-operator's and the pod-annotation jobs' target labels.
   */
  static final Set<String> SCRAPE_LABELS =
      Set.of(
          "job",
          "instance",
          "endpoint",
          "service",
          "container",
          "namespace",
          "pod",
          "node",
          "metrics_path");

  private final PodDirectory directory;
  private final String clusterLabel;
  private final Map<String, Long> seriesByJob = new TreeMap<>();
  private final Map<String, Long> droppedByJob = new TreeMap<>();
  private final Map<String, Long> keptByJob = new TreeMap<>();

  ScrapeCopies(PodDirectory directory, String clusterLabel) {
    this.directory = directory;
    this.clusterLabel = clusterLabel;
  }

  /** Leaves in {@code labelsOf} (identity → labels) one job's series of each group. */
  synchronized void keepOneScrape(Map<Labels, Map<String, String>> labelsOf) {
    Map<String, Long> jobs = new HashMap<>();
    labelsOf.values().forEach(l -> jobs.merge(l.getOrDefault("job", ""), 1L, Long::sum));
    jobs.forEach((j, n) -> seriesByJob.merge(j, n, Long::sum));
    if (jobs.size() < 2) {
      return;
    }
    Comparator<String> preferred =
        Comparator.<String>comparingLong(jobs::get).reversed().thenComparing(j -> j);
    Map<String, Map<String, List<Labels>>> groups = new HashMap<>();
    labelsOf.forEach(
        (id, labels) ->
            groups
                .computeIfAbsent(groupKey(labels), k -> new TreeMap<>(preferred))
                .computeIfAbsent(labels.getOrDefault("job", ""), k -> new ArrayList<>())
                .add(id));
    for (Map<String, List<Labels>> byJob : groups.values()) {
      if (byJob.size() < 2) {
        continue;
      }
      Iterator<Map.Entry<String, List<Labels>>> it = byJob.entrySet().iterator();
      Map.Entry<String, List<Labels>> kept = it.next();
      keptByJob.merge(kept.getKey(), (long) kept.getValue().size(), Long::sum);
      while (it.hasNext()) {
        Map.Entry<String, List<Labels>> copy = it.next();
        copy.getValue().forEach(labelsOf::remove);
        droppedByJob.merge(copy.getKey(), (long) copy.getValue().size(), Long::sum);
      }
    }
  }

  /** A series' labels without the scrape's, with the node of the agent that exported it. */
  String groupKey(Map<String, String> labels) {
    Map<String, String> own = new TreeMap<>();
    labels.forEach(
        (k, v) -> {
          if (!SCRAPE_LABELS.contains(k) && !k.equals("__name__")) {
            own.put(k, v);
          }
        });
    own.put("\u0000agent", agent(labels));
    StringBuilder key = new StringBuilder();
    own.forEach((k, v) -> key.append(k).append('=').append(v.length()).append(':').append(v));
    return key.toString();
  }

  private String agent(Map<String, String> labels) {
    String instance = labels.getOrDefault("instance", "");
    String node = directory.agentNode(labels.getOrDefault(clusterLabel, ""), instance);
    if (node != null) {
      return node;
    }
    String scraped = labels.getOrDefault("node", "");
    if (!scraped.isEmpty()) {
      return scraped;
    }
    int colon = instance.lastIndexOf(':');
    return colon > 0 && instance.indexOf(':') == colon ? instance.substring(0, colon) : instance;
  }

  /** The report's note when copies were dropped; empty otherwise. */
  List<String> notes(String source) {
    long dropped = droppedByJob.values().stream().mapToLong(Long::longValue).sum();
    if (dropped == 0) {
      return List.of();
    }
    StringBuilder jobs = new StringBuilder();
    seriesByJob.forEach(
        (j, n) ->
            jobs.append(jobs.length() == 0 ? "" : ", ")
                .append("job=\"")
                .append(j)
                .append("\": ")
                .append(n));
    return List.of(
        EngineResult.SET_UP_NOTE
            + source
            + " is scraped by "
            + seriesByJob.size()
            + " jobs ("
            + jobs
            + " series): "
            + dropped
            + " series that repeat another job's, differing only by the scrape's labels (job,"
            + " instance, endpoint, service, container, namespace, pod), were counted once, job "
            + String.join(", ", keptByJob.keySet().stream().map(j -> "\"" + j + "\"").toList())
            + " kept; scrape it once (doctor: scraped twice)");
  }
}
