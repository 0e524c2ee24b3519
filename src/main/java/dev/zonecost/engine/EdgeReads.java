package dev.zonecost.engine;

import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.QueryResult;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.source.QueryPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The reads at a window's start edge that the born rule needs when the look-behind is silent:
 * whether the metric has any data before it (else the window is clipped), and the first scrapes of
 * agents without a sample in it (DESIGN §3).
 */
final class EdgeReads {
  private final PrometheusApi api;

  EdgeReads(PrometheusApi api) {
    this.api = api;
  }

  /** How far back to probe for any data before a window whose look-behind is empty. */
  static final Duration MAX_PROBE = Duration.ofDays(3660);

  /** The first stretch read for agents without look-behind; each further read doubles. */
  static final Duration FIRST_SCRAPE_CHUNK = Duration.ofMinutes(15);

  /**
   * Whether the metric has any sample before the look-behind. Asked only when no agent has one in
   * the look-behind: the window then starts in a long outage, or before the data (clipped). Probes
   * ranges that double backwards, so an empty past costs a few cheap requests and a long outage
   * reads no more than about twice its length.
   */
  boolean dataBefore(QueryPlan plan) {
    Instant at = plan.settings().start().minus(plan.settings().lookBehind()).minusMillis(1);
    Duration range = plan.settings().lookBehind();
    Duration probed = Duration.ZERO;
    while (probed.compareTo(MAX_PROBE) < 0) {
      QueryResult r = api.query(plan.anySample(range), at);
      if (!r.series().isEmpty() && r.series().get(0).samples().get(0).value() > 0) {
        return true;
      }
      probed = probed.plus(range);
      at = at.minus(range);
      range = range.multipliedBy(2);
    }
    return false;
  }

  /**
   * Reads, from the window's start onwards in chunks that double, the samples of the agents with no
   * look-behind until each one's first scrape is found (and the oldest sample of all, when the
   * window starts before the data).
   */
  void readFirstScrapes(
      QueryPlan plan,
      TreeSet<String> unresolved,
      boolean findOldest,
      FirstScrapes firsts,
      List<LabelledQuery> sent) {
    String cluster = plan.settings().names().clusterLabel();
    Instant end = plan.settings().end();
    Instant lo = plan.settings().start();
    Duration length = FIRST_SCRAPE_CHUNK;
    int reads = 0;
    String firstQuery = null;
    while (lo.isBefore(end)
        && (unresolved.stream().anyMatch(a -> !firsts.found(a))
            || (findOldest && firsts.oldest().isEmpty()))) {
      Instant hi = lo.plus(length).isBefore(end) ? lo.plus(length) : end;
      TreeSet<String> instances = new TreeSet<>();
      if (!findOldest || firsts.oldest().isPresent()) {
        unresolved.stream()
            .filter(a -> !firsts.found(a))
            .forEach(a -> instances.add(FirstScrapes.instanceOf(a)));
      }
      String q = plan.agentSamples(instances, Duration.between(lo, hi));
      firstQuery = firstQuery == null ? q : firstQuery;
      QueryResult r = api.query(q, hi);
      firsts.addChunk(r.series(), cluster, lo.toEpochMilli(), hi.toEpochMilli());
      reads++;
      lo = hi;
      length = length.multipliedBy(2);
    }
    if (reads > 0) {
      sent.add(
          new LabelledQuery(
              FIRST_SCRAPES_LABEL + (reads > 1 ? ", in " + reads + " doubling reads" : ""),
              firstQuery));
    }
  }

  public static final String FIRST_SCRAPES_LABEL =
      "first scrapes of agents without samples in the look-behind (sent only when there are any)";
}
