package dev.zonecost.engine;

import dev.zonecost.accounting.NodeZones;
import dev.zonecost.common.TerminalText;
import dev.zonecost.prometheus.MalformedResponseException;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.MetricNames;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Refuses answers that would silently give a different report: the same series twice in one answer
 * (it would be counted twice), a value that no byte counter or info metric can have (NaN, an
 * infinity, a negative, or above 2^53 where doubles stop counting bytes exactly), and a node with
 * two zones in {@code kube_node_labels} (its pods' bytes would move between zones by chance). Wraps
 * the API the engine reads from; {@code doctor} runs the same checks.
 */
public final class SeriesValidator implements PrometheusApi {
  /** Above this a double no longer holds every whole number: bytes would be rounded. */
  public static final double MAX_EXACT = 9_007_199_254_740_992d; // 2^53

  private final PrometheusApi api;
  private final MetricNames names;

  public SeriesValidator(PrometheusApi api, MetricNames names) {
    this.api = api;
    this.names = names;
  }

  @Override
  public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
    Answer answer = new Answer(promql, names);
    ResultInfo info =
        api.query(
            promql,
            time,
            s -> {
              answer.accept(s);
              sink.accept(s);
            });
    answer.finish();
    return info;
  }

  @Override
  public Optional<String> version() {
    return api.version();
  }

  /** Checks a whole answer at once (doctor). */
  public static void check(String promql, Iterable<Series> series, MetricNames names) {
    Answer answer = new Answer(promql, names);
    series.forEach(answer);
    answer.finish();
  }

  /** The checks of one answer, series by series as they stream in. */
  private static final class Answer implements Consumer<Series> {
    private final String promql;
    private final MetricNames names;
    private final boolean nodeZones;
    private final Set<Map<String, String>> seen = new HashSet<>();
    private final Map<String, Set<String>> zonesByNode = new HashMap<>();

    Answer(String promql, MetricNames names) {
      this.promql = promql;
      this.names = names;
      this.nodeZones = promql.contains(LabelNames.NODE_LABELS);
    }

    @Override
    public synchronized void accept(Series s) {
      if (!seen.add(s.labels())) {
        throw refused(
            "the same series twice in one answer ("
                + shown(s)
                + "); counting both would double its bytes — a proxy or store that merges"
                + " replicas without deduplication?");
      }
      for (Sample sample : s.samples()) {
        double v = sample.value();
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 0 || v > MAX_EXACT) {
          throw refused(
              "the value "
                  + (Double.isNaN(v) ? "NaN" : v == Double.POSITIVE_INFINITY ? "+Inf" : v)
                  + " for "
                  + shown(s)
                  + " at "
                  + Instant.ofEpochMilli(sample.timestampMillis())
                  + "; byte counters and info metrics are whole numbers from 0 to 2^53");
        }
      }
      if (nodeZones) {
        String zone = NodeZones.of(s::label, names.zoneLabel());
        if (!zone.isEmpty()) {
          String node = s.label(names.clusterLabel()) + "/" + s.label("node");
          zonesByNode.computeIfAbsent(node, k -> new TreeSet<>()).add(zone);
        }
      }
    }

    void finish() {
      zonesByNode.entrySet().stream()
          .filter(e -> e.getValue().size() > 1)
          .min(Map.Entry.comparingByKey())
          .ifPresent(
              e -> {
                String node = e.getKey().startsWith("/") ? e.getKey().substring(1) : e.getKey();
                throw refused(
                    LabelNames.NODE_LABELS
                        + " gives node "
                        + TerminalText.escape(node)
                        + " "
                        + e.getValue().size()
                        + " zones in the window ("
                        + TerminalText.escape(String.join(", ", e.getValue()))
                        + "); which zone its pods sent from cannot be told — fix the node's"
                        + " topology.kubernetes.io/zone label or pick a window after the change");
              });
    }

    private MalformedResponseException refused(String what) {
      return new MalformedResponseException(
          "refusing the back end's answer: it holds " + what + " (query: " + shortQuery() + ")");
    }

    private String shortQuery() {
      String q = promql.length() > 80 ? promql.substring(0, 77) + "..." : promql;
      return TerminalText.escape(q);
    }
  }

  private static String shown(Series s) {
    String text = new java.util.TreeMap<>(s.labels()).toString();
    return TerminalText.escape(text.length() > 200 ? text.substring(0, 197) + "..." : text);
  }
}
