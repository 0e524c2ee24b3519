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

  /**
   * Host-network traffic between nodes of different zones: each node agent (a host-network pod,
   * {@link Simulator}) sends to the agent two nodes after its own, a fixed pattern per hour. Retina
   * drops it (no endpoint for a host-network pod, so neither IP is in its filter map:
   * packetparser.c returns when neither lookup succeeds); the bill has it.
   */
  private void hostNetwork() {
    List<Pod> agents =
        c.hostNetworkPods().stream().filter(p -> p.ownerKind().equals("DaemonSet")).toList();
    List<Instant> hours = hours();
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
        .computeIfAbsent(hour, k -> new long[6]);
  }
}
