package dev.zonecost.simulate;

import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pieces the Service scenarios ({@code services}, {@code switch}) build with: six nodes in
 * three zones and one without a zone label, Deployments' pods on them, ClusterIP Services and their
 * clients' connections, every name and byte drawn from one random stream in call order.
 */
final class ServicePods {
  static final List<String> ZONES = Simulator.ZONES;
  static final String NS = "shop";

  final SplittableRandom rng;
  final ClusterBuilder b;
  final int steps;
  private final int w0;
  private final int ws;
  private final Map<String, List<Node>> nodesByZone = new HashMap<>();
  private final Map<Node, Integer> subnetOf = new HashMap<>();
  private final Map<Integer, Integer> ipCounters = new HashMap<>();
  private final Map<String, String> replicaSets = new HashMap<>();
  private int clusterIps;
  private int names;
  Node unlabelled;

  ServicePods(SimulationSpec spec) {
    this.rng = new SplittableRandom(spec.seed());
    this.b = SimulatedCluster.builder(spec);
    this.steps = spec.steps();
    this.w0 = spec.historySteps();
    this.ws = spec.windowSteps();
  }

  /** The step at {@code share} of the window. */
  int at(double share) {
    return w0 + (int) Math.round(share * ws);
  }

  /** kube-state-metrics, two nodes per zone and the node without a zone label. */
  void nodes() {
    b.ksmInstance("ksm-0");
    for (int z = 0; z < ZONES.size(); z++) {
      for (int n = 0; n < 2; n++) {
        Node node = b.node("node-" + z + "-" + n, "10.0." + (z + 1) + "." + (10 + n), ZONES.get(z));
        subnetOf.put(node, z + 1);
        nodesByZone.computeIfAbsent(ZONES.get(z), k -> new ArrayList<>()).add(node);
      }
    }
    unlabelled = b.node("node-unlabelled", "10.0.9.10", null);
    subnetOf.put(unlabelled, 9);
  }

  /** One of the zone's nodes, drawn. */
  Node node(String zone) {
    List<Node> in = nodesByZone.get(zone);
    return in.get(rng.nextInt(in.size()));
  }

  Pod backend(String deployment, String zone, int from, int to) {
    return pod(deployment, node(zone), from, to);
  }

  Pod backend(String deployment, Node node, int from, int to) {
    return pod(deployment, node, from, to);
  }

  /** The Deployment's pods ready over the whole window, one per zone named, in that order. */
  List<Pod> backends(String deployment, String... zones) {
    List<Pod> out = new ArrayList<>();
    for (String z : zones) {
      out.add(backend(deployment, z, 0, steps));
    }
    return out;
  }

  /** A pod of the Deployment over [from, to] (its ReplicaSet made with its first pod). */
  Pod pod(String deployment, Node n, int from, int to) {
    String rs =
        replicaSets.computeIfAbsent(
            deployment,
            d -> {
              String name = d + "-" + RandomNames.hash(rng);
              b.replicaSet(NS, name, d, 0, steps);
              return name;
            });
    int subnet = subnetOf.get(n);
    int k = ipCounters.merge(subnet, 1, Integer::sum) - 1;
    String ip = "10.0." + (subnet * 10 + 1 + k / 240) + "." + (10 + k % 240);
    return b.pod(
        NS,
        rs + "-" + RandomNames.name(rng, 4) + (names++),
        RandomNames.uid(rng),
        ip,
        n,
        "ReplicaSet",
        rs,
        new WorkloadRef(NS, "Deployment", deployment),
        from,
        to);
  }

  Service service(String name, List<Pod> backends) {
    Service s = b.service(NS, name, RandomNames.uid(rng), "10.100.0." + (10 + clusterIps++));
    backends.forEach(p -> b.backend(s, p));
    return s;
  }

  /** A connection over the two pods' common life, its bytes drawn per interval. */
  void flow(Pod opener, Pod peer, Service via) {
    int from = ClusterBuilder.overlapFrom(opener, peer);
    long[][] bytes =
        Simulator.randomBytes(rng.split(), ClusterBuilder.overlapTo(opener, peer) - from + 1);
    b.flow(opener, peer, bytes[0], bytes[1], via);
  }
}
