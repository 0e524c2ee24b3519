package dev.zonecost.simulate;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a source's series from the flows' bytes: every flow an agent sees with the same labels
 * adds to one counter (sources that label workloads, not pods, fold many connections into one
 * series). The counter lives while one of its flows is active; a step with none expires it (Beyla
 * after 5 minutes idle; the model's idle stretches are longer) and it comes back from zero. An
 * agent restart at step τ loses, per connection, the half of τ's interval before it (as Retina's
 * model does).
 */
final class SourceCounters {
  private final SimulatedCluster c;
  private final Map<List<Object>, Group> groups = new LinkedHashMap<>();

  SourceCounters(SimulatedCluster c) {
    this.c = c;
  }

  /**
   * Bytes of {@code f}, one per step from {@code f.from()}, seen by the agent {@code agentName} on
   * {@code agentNode} (whose restarts it shares; null for an agent that restarts with its pod).
   */
  void add(
      String family,
      Map<String, String> labels,
      String agentName,
      Node agentNode,
      Flow f,
      long[] bytes,
      TrafficKey keptAs) {
    Group g =
        groups.computeIfAbsent(
            List.of(family, labels, agentName),
            k -> new Group(family, labels, agentName, agentNode, keptAs));
    if (g.keptAs != null && keptAs != null && !g.keptAs.equals(keptAs)) {
      throw new IllegalStateException("one series, two rows: " + labels);
    }
    g.flows.add(f);
    g.bytes.add(bytes);
  }

  List<SourceCounter> build() {
    List<SourceCounter> out = new ArrayList<>();
    for (Group g : groups.values()) {
      out.add(g.counter());
    }
    return out;
  }

  private final class Group {
    final String family;
    final Map<String, String> labels;
    final String agent;
    final Node node;
    final TrafficKey keptAs;
    final List<Flow> flows = new ArrayList<>();
    final List<long[]> bytes = new ArrayList<>();

    Group(String family, Map<String, String> labels, String agent, Node node, TrafficKey keptAs) {
      this.family = family;
      this.labels = labels;
      this.agent = agent;
      this.node = node;
      this.keptAs = keptAs;
    }

    SourceCounter counter() {
      int from = flows.stream().mapToInt(Flow::from).min().orElseThrow();
      int to = flows.stream().mapToInt(Flow::to).max().orElseThrow();
      Set<Integer> restarts =
          node == null ? Set.of() : c.restarts().getOrDefault(node.name(), new TreeSet<>());
      long[] values = new long[to - from + 1];
      BitSet present = new BitSet(c.steps() + 1);
      long counter = 0;
      for (int k = from; k <= to; k++) {
        boolean active = false;
        long added = 0;
        long halves = 0;
        for (int i = 0; i < flows.size(); i++) {
          Flow f = flows.get(i);
          if (k < f.from() || k > f.to() || f.inGap(k)) {
            continue;
          }
          active = true;
          long b = bytes.get(i)[k - f.from()];
          added += b;
          halves += b / 2;
        }
        if (!active) {
          counter = 0;
        } else {
          counter = restarts.contains(k) ? halves : counter + added;
          if (!c.outage().get(k)) {
            present.set(k);
          }
        }
        values[k - from] = counter;
      }
      return new SourceCounter(
          family,
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels)),
          agent,
          from,
          values,
          present,
          keptAs);
    }
  }
}
