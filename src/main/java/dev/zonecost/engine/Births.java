package dev.zonecost.engine;

import dev.zonecost.prometheus.BackendException;
import java.util.Map;
import java.util.Set;

/**
 * DESIGN §3's rule for a series' first sample in the window, applied with what the engine read:
 * pre-existing (a sample in the look-behind) — a baseline; born (no look-behind, and its agent was
 * already scraped before it appeared) — counted from zero; unknowable (the agent's data begins with
 * it) — a baseline. Counts how many series fell each way, for the report's metadata.
 */
final class Births {
  private final Set<String> preExisting;
  private final Set<String> agentsBefore;
  private final FirstScrapes firsts;
  private final String clusterLabel;
  private long born;
  private long unknowable;

  Births(
      Set<String> preExisting, Set<String> agentsBefore, FirstScrapes firsts, String clusterLabel) {
    this.preExisting = preExisting;
    this.agentsBefore = agentsBefore;
    this.firsts = firsts;
    this.clusterLabel = clusterLabel;
  }

  /** Whether the series' first in-window value counts; call once per series. */
  synchronized boolean born(String id, Map<String, String> labels) {
    if (preExisting.contains(id)) {
      return false;
    }
    String agent = FirstScrapes.agentKey(labels, clusterLabel);
    boolean b = agentsBefore.contains(agent) || firsts.bornAfterAgent(id, agent).orElse(false);
    if (b) {
      born++;
    } else {
      unknowable++;
    }
    return b;
  }

  /** The first in-window value of an unknowable series: its baseline. */
  double firstValue(String id) {
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
