package dev.zonecost.engine;

import dev.zonecost.prometheus.Labels;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first in-window scrape of agents that have no sample in the look-behind, and the first sample
 * of each of their series, read from the start of the window (DESIGN §3's born rule: a series of
 * such an agent was born in the window only when its first sample is later than its agent's first
 * sample). Every series of one scrape carries that scrape's timestamp, so "later" is exact.
 */
final class FirstScrapes {
  private final Map<String, Long> agentFirst = new HashMap<>();
  private final Map<Labels, Sample> seriesFirst = new HashMap<>();
  private Long oldest;

  /** Records what one chunk {@code [from, to]} showed of agents not yet found. */
  void addChunk(Iterable<Series> series, String clusterLabel, long from, long to) {
    Map<String, Long> foundHere = new HashMap<>();
    Map<Labels, Sample> firstsHere = new HashMap<>();
    for (Series s : series) {
      String agent = agentKey(s.labels(), clusterLabel);
      if (agentFirst.containsKey(agent)) {
        continue;
      }
      for (Sample sample : s.samples()) {
        long t = sample.timestampMillis();
        if (t < from || t > to || Double.isNaN(sample.value())) {
          continue;
        }
        firstsHere.putIfAbsent(TrafficEngine.identity(s.labels()), sample);
        foundHere.merge(agent, t, Math::min);
        break;
      }
    }
    agentFirst.putAll(foundHere);
    for (Long t : foundHere.values()) {
      oldest = oldest == null ? t : Math.min(oldest, t);
    }
    seriesFirst.putAll(firstsHere);
  }

  boolean found(String agent) {
    return agentFirst.containsKey(agent);
  }

  /** The oldest sample seen in any chunk, if one was. */
  Optional<Instant> oldest() {
    return oldest == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
  }

  /** The agent's first in-window scrape (epoch ms), or null when it was never found. */
  Long agentFirst(String agent) {
    return agentFirst.get(agent);
  }

  /**
   * The series' first in-window sample (epoch ms) among those read, or null when it had none from
   * its agent's first scrape on (then its first sample is later).
   */
  Long seriesFirst(Labels id) {
    Sample s = seriesFirst.get(id);
    return s == null ? null : s.timestampMillis();
  }

  /**
   * The first in-window value of a series of an agent found here, when it had one at that scrape.
   */
  Optional<Double> firstValue(Labels id) {
    Sample s = seriesFirst.get(id);
    return s == null ? Optional.empty() : Optional.of(s.value());
  }

  /** An agent's key: its cluster and instance labels. */
  static String agentKey(Map<String, String> labels, String clusterLabel) {
    return labels.getOrDefault(clusterLabel, "") + "\u0000" + labels.getOrDefault("instance", "");
  }

  static String instanceOf(String agentKey) {
    return agentKey.substring(agentKey.indexOf('\u0000') + 1);
  }
}
