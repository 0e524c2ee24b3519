package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Host-network traffic between nodes of different zones: each node agent (a host-network pod,
 * {@link Simulator}) sends to the agent two nodes after its own, a fixed pattern per hour. Retina
 * drops it (it keeps no endpoint for a host-network pod, pkg/controllers/daemon/pod/controller.go,
 * so neither IP is in its filter map and packetparser.c returns when neither lookup succeeds); the
 * bill ({@link BillModel}) and the nodes' NIC counters ({@link NicSeries}) have it.
 */
final class HostNetworkTraffic {
  static final Duration HOUR = Duration.ofHours(1);

  private HostNetworkTraffic() {}

  /** Per node and hour: {out, in}. */
  static Map<String, Map<Instant, long[]>> of(SimulatedCluster c) {
    Map<String, Map<Instant, long[]>> out = new TreeMap<>();
    List<Pod> agents =
        c.hostNetworkPods().stream().filter(p -> p.ownerKind().equals("DaemonSet")).toList();
    List<Instant> hours = hours(c);
    for (int i = 0; i < agents.size(); i++) {
      Node from = agents.get(i).node();
      Node to = agents.get((i + 2) % agents.size()).node();
      if (Instances.zone(from).equals(Instances.zone(to))) {
        continue;
      }
      for (int h = 0; h < hours.size(); h++) {
        Instant hour = hours.get(h);
        if (c.time(from.from()).isAfter(hour) || c.time(to.from()).isAfter(hour)) {
          continue;
        }
        long bytes = 40_000_000L + (i * 7_919_000L + h * 1_047_290L) % 30_000_000L;
        cell(out, from, hour)[0] += bytes;
        cell(out, to, hour)[1] += bytes;
      }
    }
    return out;
  }

  private static long[] cell(Map<String, Map<Instant, long[]>> m, Node n, Instant hour) {
    return m.computeIfAbsent(n.name(), k -> new TreeMap<>())
        .computeIfAbsent(hour, k -> new long[2]);
  }

  /** The hour a step's bytes were moved in: the interval ending at the step's scrape. */
  static Instant hourOf(SimulatedCluster c, int step) {
    long ms = c.time(step).toEpochMilli() - 1;
    return Instant.ofEpochMilli(Math.floorDiv(ms, HOUR.toMillis()) * HOUR.toMillis());
  }

  /** The hours the data spans, whole or not. */
  static List<Instant> hours(SimulatedCluster c) {
    List<Instant> out = new ArrayList<>();
    for (Instant h = hourOf(c, 1); !h.isAfter(hourOf(c, c.steps())); h = h.plus(HOUR)) {
      out.add(h);
    }
    return out;
  }
}
