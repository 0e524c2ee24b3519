package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the cloud bills the simulated cluster's nodes per hour for traffic between zones: every byte
 * each flow moved in the hour (not what Retina's counters show of it) between ends whose instances
 * run in different zones — pods, nodes themselves, the managed database in its subnet — and the
 * host-network traffic between nodes that Retina never sees. Out for the sender's instance, in for
 * the receiver's (AWS); GCP bills the out side alone.
 */
final class BillModel {
  static final Duration HOUR = Duration.ofHours(1);

  /** Per node and hour: {out, in, host-network out, host-network in}. */
  final Map<String, Map<Instant, long[]>> byNode = new TreeMap<>();

  private final SimulatedCluster c;

  BillModel(SimulatedCluster c) {
    this.c = c;
    for (Flow f : c.flows()) {
      long[] req = f.request();
      long[] rep = f.reply();
      for (int i = 0; i < req.length; i++) {
        Instant hour = hourOf(f.from() + i);
        moved(f.opener(), f.peer(), hour, req[i]);
        moved(f.peer(), f.opener(), hour, rep[i]);
      }
    }
    hostNetwork();
  }

  /** The hour a step's bytes were moved in: the interval ending at the step's scrape. */
  Instant hourOf(int step) {
    long ms = c.time(step).toEpochMilli() - 1;
    return Instant.ofEpochMilli(Math.floorDiv(ms, HOUR.toMillis()) * HOUR.toMillis());
  }

  /** The hours the data spans, whole or not. */
  List<Instant> hours() {
    java.util.List<Instant> out = new java.util.ArrayList<>();
    for (Instant h = hourOf(1); !h.isAfter(hourOf(c.steps())); h = h.plus(HOUR)) {
      out.add(h);
    }
    return out;
  }

  private void moved(Pod from, Pod to, Instant hour, long bytes) {
    String a = zone(from);
    String b = zone(to);
    if (bytes == 0 || a == null || b == null || a.equals(b)) {
      return;
    }
    if (from.node() != null) {
      cell(from.node(), hour)[0] += bytes;
    }
    if (to.node() != null) {
      cell(to.node(), hour)[1] += bytes;
    }
  }

  /** Where an end's instance runs: a node's, the database's subnet; null for the internet. */
  private String zone(Pod p) {
    if (p.node() != null) {
      return Instances.zone(p.node());
    }
    List<String> subnet = c.subnetOf(p);
    return subnet == null ? null : subnet.get(1);
  }

  /**
   * Host-network traffic between nodes of different zones (etcd, node agents, a monitoring agent in
   * host network): Retina's filter drops it (neither IP is a pod's), the bill has it. Each node
   * sends to the node two places after it, a fixed pattern per hour.
   */
  private void hostNetwork() {
    List<Node> nodes = c.nodes();
    List<Instant> hours = hours();
    for (int i = 0; i < nodes.size(); i++) {
      Node from = nodes.get(i);
      Node to = nodes.get((i + 2) % nodes.size());
      if (Instances.zone(from).equals(Instances.zone(to))) {
        continue;
      }
      for (int h = 0; h < hours.size(); h++) {
        Instant hour = hours.get(h);
        if (c.time(from.from()).isAfter(hour) || c.time(to.from()).isAfter(hour)) {
          continue;
        }
        long bytes = 40_000_000L + (i * 7_919_000L + h * 1_047_290L) % 30_000_000L;
        long[] a = cell(from, hour);
        long[] b = cell(to, hour);
        a[0] += bytes;
        a[2] += bytes;
        b[1] += bytes;
        b[3] += bytes;
      }
    }
  }

  private long[] cell(Node n, Instant hour) {
    return byNode
        .computeIfAbsent(n.name(), k -> new TreeMap<>())
        .computeIfAbsent(hour, k -> new long[4]);
  }
}
