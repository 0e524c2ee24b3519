package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code services} cluster (issue 27): 16 ClusterIP Services whose endpoints and clients move
 * during the window, for {@code advise}'s what-if decided interval by interval. Six nodes in three
 * zones and one node without a zone label. The named cases, at fixed shares of the window:
 *
 * <ul>
 *   <li>{@code zoneless}: an endpoint on the node without zone that leaves after 48% of the window
 *       (same-zone routing is suspended only while it is ready);
 *   <li>{@code leaving}: the third zone's endpoints leave after 42% of the window;
 *   <li>{@code rollout}: a rolling restart half-way moves the endpoints from zones a, b to b, c;
 *   <li>{@code movers}: its clients move from zone a to zone c half-way;
 *   <li>{@code late-zoneless}: an endpoint without zone joins at 70% of the window;
 *   <li>{@code single-zone}: every endpoint in zone a (only a's clients can stay);
 *   <li>{@code hot}: one endpoint in zone a, three in each other zone, most clients in a
 *       (overloaded under PreferSameZone);
 *   <li>{@code node-local}: an endpoint on the node without zone all window (PreferSameZone never
 *       applies) and endpoints on the nodes of two of its clients, in zones a and b: under
 *       PreferSameNode the clients on those nodes stay on them, the others cross as today;
 * </ul>
 *
 * and eight more Services with random spreads, some of whose endpoints start late or leave early.
 */
final class ServicesScenario {
  static final List<String> ZONES = Simulator.ZONES;
  static final int SERVICES = 16;

  private final ServicePods pods;
  private final SplittableRandom rng;
  private final int steps;

  private ServicesScenario(SimulationSpec spec) {
    this.pods = new ServicePods(spec);
    this.rng = pods.rng;
    this.steps = pods.steps;
  }

  static SimulatedCluster generate(SimulationSpec spec) {
    return new ServicesScenario(spec).run();
  }

  /** The step at {@code share} of the window. */
  int at(double share) {
    return pods.at(share);
  }

  private SimulatedCluster run() {
    pods.nodes();
    Node unlabelled = pods.unlabelled;

    // Clients: web in every zone, batch in zone a only, movers from zone a to zone c half-way.
    List<Pod> web = new ArrayList<>();
    for (String z : ZONES) {
      for (int i = 0; i < 2; i++) {
        web.add(pod("web", node(z), 0, steps));
      }
    }
    List<Pod> batch = List.of(pod("batch", node("us-east-1a"), 0, steps));
    int half = at(0.5);
    List<Pod> movers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      movers.add(pod("movers", node("us-east-1a"), 0, half - 1));
      movers.add(pod("movers", node("us-east-1c"), half, steps));
    }

    String a = ZONES.get(0);
    String bz = ZONES.get(1);
    String c = ZONES.get(2);
    Map<String, List<Pod>> clientsOf = new java.util.LinkedHashMap<>();
    List<Service> services = new ArrayList<>();

    services.add(
        service(
            "zoneless",
            List.of(
                backend("zoneless", a, 0, steps),
                backend("zoneless", a, 0, steps),
                backend("zoneless", bz, 0, steps),
                backend("zoneless", c, 0, steps),
                backend("zoneless", unlabelled, 0, at(0.48)))));
    clientsOf.put("zoneless", web);
    services.add(
        service(
            "leaving",
            List.of(
                backend("leaving", a, 0, steps),
                backend("leaving", a, 0, steps),
                backend("leaving", bz, 0, steps),
                backend("leaving", c, 0, at(0.42)))));
    clientsOf.put("leaving", web);
    services.add(
        service(
            "rollout",
            List.of(
                backend("rollout", a, 0, half),
                backend("rollout", bz, 0, half),
                backend("rollout", a, 0, half),
                backend("rollout", bz, half - 2, steps),
                backend("rollout", c, half - 2, steps),
                backend("rollout", c, half - 2, steps))));
    clientsOf.put("rollout", web);
    services.add(
        service(
            "movers",
            List.of(
                backend("movers-api", a, 0, steps),
                backend("movers-api", bz, 0, steps),
                backend("movers-api", c, 0, steps))));
    clientsOf.put("movers", movers);
    services.add(
        service(
            "late-zoneless",
            List.of(
                backend("late-zoneless", a, 0, steps),
                backend("late-zoneless", bz, 0, steps),
                backend("late-zoneless", c, 0, steps),
                backend("late-zoneless", unlabelled, at(0.7), steps))));
    clientsOf.put("late-zoneless", web);
    services.add(
        service(
            "single-zone",
            List.of(backend("single-zone", a, 0, steps), backend("single-zone", a, 0, steps))));
    clientsOf.put("single-zone", web);
    List<Pod> hot = new ArrayList<>();
    hot.add(backend("hot", a, 0, steps));
    for (int i = 0; i < 3; i++) {
      hot.add(backend("hot", bz, 0, steps));
      hot.add(backend("hot", c, 0, steps));
    }
    services.add(service("hot", hot));
    List<Pod> hotClients = new ArrayList<>(batch);
    hotClients.addAll(web);
    clientsOf.put("hot", hotClients);
    services.add(
        service(
            "node-local",
            List.of(
                backend("node-local", web.get(0).node(), 0, steps),
                backend("node-local", web.get(2).node(), 0, steps),
                backend("node-local", unlabelled, 0, steps))));
    clientsOf.put("node-local", web);

    for (int i = services.size(); i < SERVICES; i++) {
      String name = "svc-" + (char) ('a' + i);
      List<Pod> backends = new ArrayList<>();
      int n = 1 + rng.nextInt(4);
      for (int k = 0; k < n; k++) {
        String z = ZONES.get(rng.nextInt(ZONES.size()));
        int from = rng.nextInt(4) == 0 ? at(0.1 + 0.5 * rng.nextDouble()) : 0;
        int to = rng.nextInt(4) == 0 ? at(0.3 + 0.6 * rng.nextDouble()) : steps;
        backends.add(backend(name, z, from, Math.max(from + 1, to)));
      }
      services.add(service(name, backends));
      List<Pod> clients = new ArrayList<>();
      for (Pod p : web) {
        if (rng.nextInt(3) > 0) {
          clients.add(p);
        }
      }
      if (rng.nextBoolean()) {
        clients.addAll(batch);
      }
      clientsOf.put(name, clients.isEmpty() ? web : clients);
    }

    for (Service s : services) {
      for (Pod client : clientsOf.get(s.name())) {
        List<Pod> reachable =
            s.backends().stream().filter(p -> ClusterBuilder.overlapFrom(client, p) >= 0).toList();
        // Each client calls two of the endpoints it meets (or the only one), so today's choice
        // crosses zones as kube-proxy's random pick would.
        List<Pod> shuffled = new ArrayList<>(reachable);
        java.util.Collections.shuffle(shuffled, new java.util.Random(rng.nextLong()));
        for (Pod p : shuffled.subList(0, Math.min(2, shuffled.size()))) {
          flow(client, p, s);
        }
        // Endpoints that begin or end mid-window get callers for their whole life too.
        for (Pod p : reachable) {
          boolean partTime = p.from() > 0 || p.to() < steps;
          if (partTime && !shuffled.subList(0, Math.min(2, shuffled.size())).contains(p)) {
            flow(client, p, s);
          }
        }
      }
    }
    return pods.b.build();
  }

  private Node node(String zone) {
    return pods.node(zone);
  }

  private Pod backend(String deployment, String zone, int from, int to) {
    return pods.backend(deployment, zone, from, to);
  }

  private Pod backend(String deployment, Node node, int from, int to) {
    return pods.backend(deployment, node, from, to);
  }

  private Pod pod(String deployment, Node n, int from, int to) {
    return pods.pod(deployment, n, from, to);
  }

  private Service service(String name, List<Pod> backends) {
    return pods.service(name, backends);
  }

  private void flow(Pod opener, Pod peer, Service via) {
    pods.flow(opener, peer, via);
  }
}
