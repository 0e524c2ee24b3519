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

  /**
   * Per node and hour: {out, in, host-network out, host-network in, shown out, shown in}: shown is
   * what the counters show, over the whole hour, of the flows' bytes the bill has (the flow part of
   * out and in); the rest of that part is what the scrapes cannot show ({@link #edgeLoss}).
   */
  final Map<String, Map<Instant, long[]>> byNode = new TreeMap<>();

  /** Per node, its host-network pods (namespace/name), as kube-state-metrics lists them. */
  final Map<String, List<String>> hostNetworkPods = new TreeMap<>();

  private final SimulatedCluster c;

  BillModel(SimulatedCluster c) {
    this.c = c;
    List<Instant> whole = wholeHours();
    for (Flow f : c.flows()) {
      long[] req = f.request();
      long[] rep = f.reply();
      for (int i = 0; i < req.length; i++) {
        Instant hour = hourOf(f.from() + i);
        moved(f.opener(), f.peer(), hour, req[i], 0);
        moved(f.peer(), f.opener(), hour, rep[i], 0);
      }
      for (Instant h : whole) {
        long[] shown = c.answer().shown(f, h, h.plus(HOUR));
        moved(f.opener(), f.peer(), h, shown[0], 4);
        moved(f.peer(), f.opener(), h, shown[1], 4);
      }
    }
    for (Pod p : c.hostNetworkPods()) {
      hostNetworkPods
          .computeIfAbsent(p.node().name(), k -> new java.util.ArrayList<>())
          .add(p.namespace() + "/" + p.name());
    }
    hostNetwork();
  }

  /**
   * The bytes of the node's billed flows in a whole hour that the counters do not show: {out, in}.
   */
  static long[] edgeLoss(long[] cell) {
    return new long[] {cell[0] - cell[2] - cell[4], cell[1] - cell[3] - cell[5]};
  }

  /** The whole hours of the window. */
  List<Instant> wholeHours() {
    List<Instant> out = new java.util.ArrayList<>();
    for (Instant h : hours()) {
      if (!h.isBefore(c.start()) && !h.plus(HOUR).isAfter(c.end())) {
        out.add(h);
      }
    }
    return out;
  }

  Instant hourOf(int step) {
    return HostNetworkTraffic.hourOf(c, step);
  }

  List<Instant> hours() {
    return HostNetworkTraffic.hours(c);
  }

  /** Bytes from one end to the other, on the bill when their instances' zones differ. */
  private void moved(Pod from, Pod to, Instant hour, long bytes, int at) {
    String a = zone(from);
    String b = zone(to);
    if (bytes == 0 || a == null || b == null || a.equals(b)) {
      return;
    }
    if (from.node() != null) {
      cell(from.node(), hour)[at] += bytes;
    }
    if (to.node() != null) {
      cell(to.node(), hour)[at + 1] += bytes;
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

  /** The host-network traffic ({@link HostNetworkTraffic}): on the bill, in no Retina series. */
  private void hostNetwork() {
    HostNetworkTraffic.of(c)
        .forEach(
            (node, hours) ->
                hours.forEach(
                    (hour, v) -> {
                      long[] cell =
                          byNode
                              .computeIfAbsent(node, k -> new TreeMap<>())
                              .computeIfAbsent(hour, k -> new long[6]);
                      cell[0] += v[0];
                      cell[2] += v[0];
                      cell[1] += v[1];
                      cell[3] += v[1];
                    }));
  }

  private long[] cell(Node n, Instant hour) {
    return byNode
        .computeIfAbsent(n.name(), k -> new TreeMap<>())
        .computeIfAbsent(hour, k -> new long[6]);
  }
}
