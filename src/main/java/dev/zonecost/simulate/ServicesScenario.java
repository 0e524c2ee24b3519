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
 * </ul>
 *
 * and nine more Services with random spreads, some of whose endpoints start late or leave early.
 */
final class ServicesScenario {
  static final List<String> ZONES = ServicePods.ZONES;
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

  private SimulatedCluster run() {
    pods.nodes();
    Node unlabelled = pods.unlabelled;

    // Clients: web in every zone, batch in zone a only, movers from zone a to zone c half-way.
    List<Pod> web = new ArrayList<>();
    for (String z : ZONES) {
      for (int i = 0; i < 2; i++) {
        web.add(pods.pod("web", pods.node(z), 0, steps));
      }
    }
    List<Pod> batch = List.of(pods.pod("batch", pods.node("us-east-1a"), 0, steps));
    int half = pods.at(0.5);
    List<Pod> movers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      movers.add(pods.pod("movers", pods.node("us-east-1a"), 0, half - 1));
      movers.add(pods.pod("movers", pods.node("us-east-1c"), half, steps));
    }

    String a = ZONES.get(0);
    String bz = ZONES.get(1);
    String c = ZONES.get(2);
    Map<String, List<Pod>> clientsOf = new java.util.LinkedHashMap<>();
    List<Service> services = new ArrayList<>();

    services.add(
        pods.service(
            "zoneless",
            List.of(
                pods.backend("zoneless", a, 0, steps),
                pods.backend("zoneless", a, 0, steps),
                pods.backend("zoneless", bz, 0, steps),
                pods.backend("zoneless", c, 0, steps),
                pods.backend("zoneless", unlabelled, 0, pods.at(0.48)))));
    clientsOf.put("zoneless", web);
    services.add(
        pods.service(
            "leaving",
            List.of(
                pods.backend("leaving", a, 0, steps),
                pods.backend("leaving", a, 0, steps),
                pods.backend("leaving", bz, 0, steps),
                pods.backend("leaving", c, 0, pods.at(0.42)))));
    clientsOf.put("leaving", web);
    services.add(
        pods.service(
            "rollout",
            List.of(
                pods.backend("rollout", a, 0, half),
                pods.backend("rollout", bz, 0, half),
                pods.backend("rollout", a, 0, half),
                pods.backend("rollout", bz, half - 2, steps),
                pods.backend("rollout", c, half - 2, steps),
                pods.backend("rollout", c, half - 2, steps))));
    clientsOf.put("rollout", web);
    services.add(
        pods.service(
            "movers",
            List.of(
                pods.backend("movers-api", a, 0, steps),
                pods.backend("movers-api", bz, 0, steps),
                pods.backend("movers-api", c, 0, steps))));
    clientsOf.put("movers", movers);
    services.add(
        pods.service(
            "late-zoneless",
            List.of(
                pods.backend("late-zoneless", a, 0, steps),
                pods.backend("late-zoneless", bz, 0, steps),
                pods.backend("late-zoneless", c, 0, steps),
                pods.backend("late-zoneless", unlabelled, pods.at(0.7), steps))));
    clientsOf.put("late-zoneless", web);
    services.add(
        pods.service(
            "single-zone",
            List.of(
                pods.backend("single-zone", a, 0, steps),
                pods.backend("single-zone", a, 0, steps))));
    clientsOf.put("single-zone", web);
    List<Pod> hot = new ArrayList<>();
    hot.add(pods.backend("hot", a, 0, steps));
    for (int i = 0; i < 3; i++) {
      hot.add(pods.backend("hot", bz, 0, steps));
      hot.add(pods.backend("hot", c, 0, steps));
    }
    services.add(pods.service("hot", hot));
    List<Pod> hotClients = new ArrayList<>(batch);
    hotClients.addAll(web);
    clientsOf.put("hot", hotClients);

    for (int i = services.size(); i < SERVICES; i++) {
      String name = "svc-" + (char) ('a' + i);
      List<Pod> backends = new ArrayList<>();
      int n = 1 + rng.nextInt(4);
      for (int k = 0; k < n; k++) {
        String z = ZONES.get(rng.nextInt(ZONES.size()));
        int from = rng.nextInt(4) == 0 ? pods.at(0.1 + 0.5 * rng.nextDouble()) : 0;
        int to = rng.nextInt(4) == 0 ? pods.at(0.3 + 0.6 * rng.nextDouble()) : steps;
        backends.add(pods.backend(name, z, from, Math.max(from + 1, to)));
      }
      services.add(pods.service(name, backends));
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
          pods.flow(client, p, s);
        }
        // Endpoints that begin or end mid-window get callers for their whole life too.
        for (Pod p : reachable) {
          boolean partTime = p.from() > 0 || p.to() < steps;
          if (partTime && !shuffled.subList(0, Math.min(2, shuffled.size())).contains(p)) {
            pods.flow(client, p, s);
          }
        }
      }
    }
    return pods.b.build();
  }
}
