package dev.zonecost.simulate;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The benchmark's cluster (issue 8): at scale 1, 30 nodes in 3 zones, 60 Deployments in 6
 * namespaces with about 1,500 pods, about 300 workload edges with a few pod pairs each, a rolling
 * restart of a third of the Deployments at staggered times (each replaced pod may land in another
 * zone), two agent restarts, and a few flows to a host outside the cluster. {@code scale}
 * multiplies nodes, pods and workload edges.
 *
 * <p>Flow bytes are {@link SeededBytes}: the cluster keeps one seed per flow, not its samples, so
 * writing the series and computing the expected answer hold one series at a time.
 */
final class LargeScenario {
  static final int NAMESPACES = 6;
  static final int WORKLOADS_PER_NAMESPACE = 10;
  static final int NODES_PER_ZONE = 10;
  static final int MIN_REPLICAS = 5;
  static final int MAX_REPLICAS = 45;
  static final int WORKLOAD_EDGES = 300;
  static final int MIN_POD_PAIRS = 3;
  static final int MAX_POD_PAIRS = 8;
  static final int AGENT_RESTARTS = 2;
  static final int EXTERNAL_CALLERS = 3;

  /**
   * The first two namespaces hold the field write-up's pair ({@code app-client/client} calls {@code
   * app-server/server}), so its query selects real traffic here too.
   */
  private static final List<String> NAMESPACE_NAMES =
      List.of(
          "app-client", "app-server", "app-orders", "app-payments", "app-catalog", "app-search");

  private static final List<String> WORKLOAD_PREFIXES =
      List.of("frontend", "backend", "orders", "payments", "catalog", "search");

  private LargeScenario() {}

  static SimulatedCluster generate(SimulationSpec spec) {
    return new Generation(spec).run();
  }

  /** One Deployment: one or two ReplicaSets, and per replica slot one or two incarnations. */
  private record Workload(WorkloadRef ref, List<List<Pod>> slots) {}

  private static final class Generation {
    private final SplittableRandom rng;
    private final ClusterBuilder b;
    private final int steps;
    private final double scale;
    private final List<List<Node>> nodesByZone = new ArrayList<>();
    private final List<Node> allNodes = new ArrayList<>();
    private final int[] ipCounters = new int[Simulator.ZONES.size()];
    private final Set<String> usedNames = new HashSet<>();

    Generation(SimulationSpec spec) {
      this.rng = new SplittableRandom(spec.seed());
      this.steps = spec.steps();
      this.scale = spec.scale();
      this.b = SimulatedCluster.builder(spec);
    }

    SimulatedCluster run() {
      b.ksmInstance("ksm-0");
      int perZone = scaled(NODES_PER_ZONE);
      for (int z = 0; z < Simulator.ZONES.size(); z++) {
        List<Node> zone = new ArrayList<>();
        for (int k = 0; k < perZone; k++) {
          String ip = "10.0." + (z + 1 + 10 * (k / 240)) + "." + (10 + k % 240);
          Node n =
              b.node("ip-" + ip.replace('.', '-') + ".ec2.internal", ip, Simulator.ZONES.get(z));
          zone.add(n);
          allNodes.add(n);
        }
        nodesByZone.add(zone);
      }

      // A third of the Deployments restart, each at its own time; the rest keep their pods.
      int count = NAMESPACES * WORKLOADS_PER_NAMESPACE;
      Set<Integer> restarting = new HashSet<>(shuffled(count).subList(0, count / 3));
      List<Workload> workloads = new ArrayList<>();
      for (int ns = 0; ns < NAMESPACES; ns++) {
        for (int w = 0; w < WORKLOADS_PER_NAMESPACE; w++) {
          String name = workloadName(ns, w);
          boolean restarts = restarting.contains(workloads.size());
          workloads.add(deployment(NAMESPACE_NAMES.get(ns), name, restarts));
        }
      }

      // A sparse call graph: distinct unordered workload pairs, each oriented at random.
      int maxEdges = workloads.size() * (workloads.size() - 1) / 2;
      int edges = Math.min(maxEdges, scaled(WORKLOAD_EDGES));
      Set<Long> used = new HashSet<>();
      // client (index 0) calls server (the first of the second namespace).
      used.add((long) WORKLOADS_PER_NAMESPACE);
      connect(workloads.get(0), workloads.get(WORKLOADS_PER_NAMESPACE), true);
      while (used.size() < edges) {
        int a = rng.nextInt(workloads.size());
        int c = rng.nextInt(workloads.size());
        if (a == c || !used.add((long) Math.min(a, c) * workloads.size() + Math.max(a, c))) {
          continue;
        }
        // About half the edges call the peer's Service, the others its pods' IPs.
        connect(workloads.get(a), workloads.get(c), used.size() % 2 == 0);
      }

      Pod external = b.external(Simulator.EXTERNAL_IP);
      for (int i = 0; i < EXTERNAL_CALLERS; i++) {
        Workload w = workloads.get(i * workloads.size() / EXTERNAL_CALLERS);
        for (Pod p : w.slots().get(rng.nextInt(w.slots().size()))) {
          flow(p, external);
        }
      }

      // Agents restart on distinct nodes at evenly spread times.
      List<Integer> nodeOrder = shuffled(allNodes.size());
      for (int i = 0; i < Math.min(AGENT_RESTARTS, allNodes.size()); i++) {
        b.restart(
            allNodes.get(nodeOrder.get(i)), Math.max(1, (i + 1) * steps / (AGENT_RESTARTS + 1)));
      }
      return b.build();
    }

    /**
     * A Deployment with its replicas on random nodes. When it restarts, a new ReplicaSet replaces
     * the pods one slot after another over at most a quarter of the span, at a time of its own:
     * each new pod starts one step before its predecessor ends (a surge of one), on any node.
     */
    /** {@code client} and {@code server} first, as in the write-up; then one name per slot. */
    private static String workloadName(int ns, int w) {
      if (w == 0 && ns < 2) {
        return ns == 0 ? "client" : "server";
      }
      return WORKLOAD_PREFIXES.get(ns) + "-" + w;
    }

    private Workload deployment(String ns, String name, boolean restarts) {
      WorkloadRef ref = new WorkloadRef(ns, "Deployment", name);
      int replicas = scaled(MIN_REPLICAS + rng.nextInt(MAX_REPLICAS - MIN_REPLICAS + 1));
      int[] replacedAt = new int[replicas];
      Arrays.fill(replacedAt, -1);
      if (restarts) {
        int length = Math.max(1, Math.min(replicas, steps / 4));
        int earliest = Math.max(1, steps / 6);
        int latest = Math.max(earliest, steps - length - 2);
        int begin = Math.min(steps - 1, earliest + rng.nextInt(latest - earliest + 1));
        for (int i = 0; i < replicas; i++) {
          replacedAt[i] = Math.min(steps - 1, begin + (int) ((long) i * length / replicas));
        }
      }
      String rs = name + "-" + RandomNames.hash(rng);
      int oldEnd = restarts ? replacedAt[replicas - 1] + 1 : steps;
      b.replicaSet(ns, rs, name, 0, oldEnd);
      String newRs = restarts ? name + "-" + RandomNames.hash(rng) : null;
      if (restarts) {
        b.replicaSet(ns, newRs, name, replacedAt[0], steps);
      }
      List<List<Pod>> slots = new ArrayList<>();
      for (int i = 0; i < replicas; i++) {
        List<Pod> slot = new ArrayList<>(2);
        slot.add(pod(ref, rs, randomNode(), 0, restarts ? replacedAt[i] + 1 : steps));
        if (restarts) {
          slot.add(pod(ref, newRs, randomNode(), replacedAt[i], steps));
        }
        slots.add(List.copyOf(slot));
      }
      return new Workload(ref, slots);
    }

    /** Some pod pairs between the two workloads, each incarnation pair whose lives overlap. */
    private void connect(Workload opener, Workload peer, boolean throughService) {
      Service via = throughService ? serviceOf(peer) : null;
      int pairs = MIN_POD_PAIRS + rng.nextInt(MAX_POD_PAIRS - MIN_POD_PAIRS + 1);
      pairs = Math.min(pairs, opener.slots().size() * peer.slots().size());
      Set<Long> chosen = new HashSet<>();
      while (chosen.size() < pairs) {
        int i = rng.nextInt(opener.slots().size());
        int j = rng.nextInt(peer.slots().size());
        if (!chosen.add((long) i * peer.slots().size() + j)) {
          continue;
        }
        for (Pod x : opener.slots().get(i)) {
          for (Pod y : peer.slots().get(j)) {
            if (ClusterBuilder.overlapFrom(x, y) >= 0) {
              flow(x, y, via);
            }
          }
        }
      }
    }

    private final Map<WorkloadRef, Service> services = new HashMap<>();

    /** The workload's ClusterIP Service over all its pods (uid from its name: no random draw). */
    private Service serviceOf(Workload w) {
      return services.computeIfAbsent(
          w.ref(),
          ref -> {
            int n = services.size();
            Service s =
                b.service(
                    ref.namespace(),
                    ref.name(),
                    UUID.nameUUIDFromBytes((ref.namespace() + "/" + ref.name()).getBytes(UTF_8))
                        .toString(),
                    // Kubernetes' default Service CIDR, 10.96.0.0/12: apart from the pods'.
                    "10.96." + (n / 200) + "." + (10 + n % 200));
            w.slots().forEach(slot -> slot.forEach(p -> b.backend(s, p)));
            return s;
          });
    }

    private void flow(Pod opener, Pod peer) {
      flow(opener, peer, null);
    }

    private void flow(Pod opener, Pod peer, Service via) {
      int from = ClusterBuilder.overlapFrom(opener, peer);
      int length = ClusterBuilder.overlapTo(opener, peer) - from + 1;
      b.flow(
          opener,
          peer,
          new SeededBytes(
              rng.nextLong(),
              length,
              Simulator.MIN_BYTES_PER_INTERVAL,
              Simulator.MAX_BYTES_PER_INTERVAL),
          via);
    }

    private Pod pod(WorkloadRef ref, String rs, Node n, int from, int to) {
      String name = rs + "-" + RandomNames.name(rng, 5);
      while (!usedNames.add(ref.namespace() + "/" + name)) {
        name = rs + "-" + RandomNames.name(rng, 5);
      }
      return b.pod(
          ref.namespace(),
          name,
          RandomNames.uid(rng),
          podIp(n),
          n,
          "ReplicaSet",
          rs,
          ref,
          from,
          to);
    }

    /** Pod IPs from the zone's own /16, never reused within a run. */
    private String podIp(Node n) {
      int z = Simulator.ZONES.indexOf(n.zone());
      int c = ipCounters[z]++;
      return "10." + (100 + z) + "." + (c / 250) + "." + (2 + c % 250);
    }

    private Node randomNode() {
      return allNodes.get(rng.nextInt(allNodes.size()));
    }

    private int scaled(int n) {
      return Math.max(1, (int) Math.round(n * scale));
    }

    private List<Integer> shuffled(int n) {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(i);
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        Integer t = out.get(i);
        out.set(i, out.get(j));
        out.set(j, t);
      }
      return out;
    }
  }
}
