package dev.zonecost.doctor;

import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.promql.PromqlStrings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The doctor's queries as the user's set-up names things: Retina's metric and the zone label under
 * their renamed names ({@code --metric}, {@code --zone-label}), and every series of the metrics the
 * checks read restricted to one cluster ({@code --cluster}, by {@code --cluster-label}). Checks
 * write their PromQL with the usual names; this rewrites each query before it is sent, so every
 * check, and the engine the attribution checks run, sees only that cluster; answers carry the zone
 * label under the name the checks read.
 */
public final class ScopedApi implements PrometheusApi {
  /** The metrics the checks read: a cluster restricts each of them. */
  private static final List<String> SCOPED =
      List.of(
          LabelNames.POD_INFO,
          LabelNames.NODE_LABELS,
          LabelNames.REPLICASET_OWNER,
          LabelNames.SERVICE_INFO,
          LabelNames.ENDPOINTSLICE_ENDPOINTS,
          LabelNames.ENDPOINTSLICE_LABELS,
          "container_network_transmit_bytes_total",
          "container_network_receive_bytes_total",
          "controlplane_networkobservability_lost_events_counter");

  private final PrometheusApi api;
  private final MetricNames names;
  private final String cluster;

  /**
   * @param cluster the one cluster to read, or null for all
   */
  public ScopedApi(PrometheusApi api, MetricNames names, String cluster) {
    this.api = api;
    this.names = names;
    this.cluster = cluster;
  }

  /** The query with the renamed names and, for a cluster, a matcher on every metric it reads. */
  String scope(String promql) {
    String q = rename(promql, LabelNames.FORWARD_BYTES, names.forwardBytes());
    q = rename(q, LabelNames.ZONE_LABEL, names.zoneLabel());
    if (cluster == null) {
      return q;
    }
    String matcher = names.clusterLabel() + "=" + PromqlStrings.quote(cluster);
    for (String metric : SCOPED) {
      q = restrict(q, metric, matcher);
    }
    return restrict(q, names.forwardBytes(), matcher);
  }

  private static String rename(String q, String from, String to) {
    return from.equals(to) ? q : token(from).matcher(q).replaceAll(Matcher.quoteReplacement(to));
  }

  /** {@code metric{…}} gains the matcher first; a bare {@code metric} gains braces. */
  private static String restrict(String q, String metric, String matcher) {
    Matcher m = Pattern.compile(token(metric).pattern() + "(\\{\\s*\\}|\\{)?").matcher(q);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String brace = m.group(1);
      String replaced =
          brace == null || !brace.equals("{")
              ? metric + "{" + matcher + "}"
              : metric + "{" + matcher + ", ";
      m.appendReplacement(out, Matcher.quoteReplacement(replaced));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The name as a whole PromQL identifier, not part of a longer one. */
  private static Pattern token(String name) {
    return Pattern.compile("(?<![\\w:])" + Pattern.quote(name) + "(?![\\w:])");
  }

  /** Answers name the zone label as the checks know it, whatever the user's set-up calls it. */
  private Consumer<Series> unscoped(Consumer<Series> sink) {
    String zone = names.zoneLabel();
    if (zone.equals(LabelNames.ZONE_LABEL)) {
      return sink;
    }
    return s -> {
      if (!s.labels().containsKey(zone)) {
        sink.accept(s);
        return;
      }
      Map<String, String> labels = new HashMap<>(s.labels());
      labels.put(LabelNames.ZONE_LABEL, labels.remove(zone));
      sink.accept(new Series(labels, s.samples()));
    };
  }

  @Override
  public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
    return api.query(scope(promql), time, unscoped(sink));
  }

  @Override
  public Optional<String> version() {
    return api.version();
  }
}
