package dev.zonecost.engine;

import dev.zonecost.accounting.WindowBytes;
import dev.zonecost.accounting.WindowBytes.Birth;
import dev.zonecost.accounting.WindowBytes.BirthFacts;
import dev.zonecost.prometheus.BackendException;
import dev.zonecost.prometheus.Labels;
import java.util.Map;
import java.util.Set;

/**
 * The facts DESIGN §3's born rule decides on, gathered from what the engine read (the look-behind
 * of series and agents, the first scrapes of agents without one), handed to {@link
 * WindowBytes#birth}. Counts how many series fell each way, for the report's metadata.
 */
final class Births {
  private final Set<Labels> preExisting;
  private final Set<String> agentsBefore;
  private final FirstScrapes firsts;
  private final String clusterLabel;
  private long born;
  private long unknowable;

  Births(
      Set<Labels> preExisting, Set<String> agentsBefore, FirstScrapes firsts, String clusterLabel) {
    this.preExisting = preExisting;
    this.agentsBefore = agentsBefore;
    this.firsts = firsts;
    this.clusterLabel = clusterLabel;
  }

  /** How the series' first in-window value counts; call once per series. */
  synchronized Birth born(Labels id, Map<String, String> labels) {
    String agent = FirstScrapes.agentKey(labels, clusterLabel);
    Birth b =
        WindowBytes.birth(
            new BirthFacts(
                preExisting.contains(id),
                agentsBefore.contains(agent),
                firsts.agentFirst(agent),
                firsts.seriesFirst(id)));
    if (b == Birth.BORN) {
      born++;
    } else if (b == Birth.UNKNOWABLE) {
      unknowable++;
    }
    return b;
  }

  /** The first in-window value of an unknowable series: its baseline. */
  double firstValue(Labels id) {
    return firsts
        .firstValue(id)
        .orElseThrow(
            () ->
                new BackendException(
                    "the first sample of a series was missing from the first-scrape answer; the"
                        + " data changed while zonecost read it — run the report again"));
  }

  synchronized long bornCount() {
    return born;
  }

  synchronized long unknowableCount() {
    return unknowable;
  }
}
