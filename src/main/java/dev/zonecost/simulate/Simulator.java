package dev.zonecost.simulate;

import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Builds the {@code seed} and {@code edge} clusters ({@link LargeScenario} the {@code large} one).
 * Deterministic: one {@link SplittableRandom} seeded from the spec, drawn in a fixed order, and
 * only ordered collections feed the output.
 */
public final class Simulator {

  static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");
  static final String EXTERNAL_IP = "203.0.113.10";
  static final long MIN_BYTES_PER_INTERVAL = 20_000;
  static final long MAX_BYTES_PER_INTERVAL = 5_000_000;

  /** Kubernetes' alphabet for generated names (no vowels, no confusable digits). */
  private static final String CLIENT_NS = "app-client";

  private static final String SERVER_NS = "app-server";
  private static final String CANARY_NS = "app-server-canary";
  private static final String DB_NS = "app-db";
  private static final String CACHE_NS = "app-cache";

  /** The outside client of the NodePort traffic a node forwards ({@code --host-traffic}). */
  static final String NODE_PORT_CLIENT_IP = "203.0.113.50";

  /** The managed database in the cloud network ({@code --host-traffic}). */
  static final String DATABASE_IP = "10.0.200.17";

  private Simulator() {}

  /** A connection's request and reply bytes for {@code n} intervals, drawn from {@code r}. */
  static long[][] randomBytes(SplittableRandom r, int n) {
    long[][] out = new long[2][n];
    for (int i = 0; i < n; i++) {
      out[0][i] = r.nextLong(MIN_BYTES_PER_INTERVAL, MAX_BYTES_PER_INTERVAL + 1);
      out[1][i] = r.nextLong(MIN_BYTES_PER_INTERVAL, MAX_BYTES_PER_INTERVAL + 1);
    }
    return out;
  }

  public static SimulatedCluster generate(SimulationSpec spec) {
    if (spec.scenario().equals(SimulationSpec.LARGE)) {
      return LargeScenario.generate(spec);
    }
    if (spec.scenario().equals(SimulationSpec.SERVICES)) {
      return ServicesScenario.generate(spec);
    }
    if (spec.scenario().equals(SimulationSpec.SWITCH)) {
      return SwitchScenario.generate(spec);
    }
    return new Generation(spec).run();
  }

  /** One run's mutable state; never shared. */
  private static final class Generation {
    private final SimulationSpec spec;
    private final SplittableRandom rng;
    private final ClusterBuilder b;
    private final int steps;
    private final int w0;
    private final int ws;
    private final List<Node> zoned = new ArrayList<>();
    private final Map<Integer, Integer> ipCounters = new TreeMap<>();
    private final Map<Node, Integer> subnetOf = new LinkedHashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private final List<Flow> flowsSoFar = new ArrayList<>();
    private final Map<Pod, Service> backendOf = new HashMap<>();
    private int clusterIps;

    Generation(SimulationSpec spec) {
      this.spec = spec;
      this.rng = new SplittableRandom(spec.seed());
      this.steps = spec.steps();
      this.w0 = spec.historySteps();
      this.ws = spec.windowSteps();
      this.b = SimulatedCluster.builder(spec);
    }

    SimulatedCluster run() {
      boolean edge = spec.scenario().equals(SimulationSpec.EDGE);
      b.ksmInstance("ksm-0");
      if (edge) {
        b.ksmInstance("ksm-1");
      }
      for (int z = 0; z < ZONES.size(); z++) {
        for (int n = 0; n < 2; n++) {
          zoned.add(node(z + 1, ZONES.get(z)));
        }
      }
      Node unlabelled = edge ? node(9, null) : null;

      String clientRs = "client-" + RandomNames.hash(rng);
      b.replicaSet(CLIENT_NS, clientRs, "client", 0, steps);
      List<Node> clientNodes = spread(10);
      List<Pod> clients = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        clients.add(deploymentPod(CLIENT_NS, "client", clientRs, clientNodes.get(i), 0, steps));
      }

      String serverRs = "server-" + RandomNames.hash(rng);
      b.replicaSet(SERVER_NS, serverRs, "server", 0, steps);
      int rollout = edge ? w0 + ws / 2 : steps;
      List<Node> serverNodes = spread(6);
      List<Pod> servers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        servers.add(deploymentPod(SERVER_NS, "server", serverRs, serverNodes.get(i), 0, rollout));
      }
      // Clients call the Service `server`, as the field write-up's set-up does.
      serverService = service(SERVER_NS, "server", servers);

      // Each client talks to 2-3 servers, by index, so a rollout can move its flows.
      List<int[]> peersOfClient = new ArrayList<>();
      for (int i = 0; i < clients.size(); i++) {
        peersOfClient.add(pick(6, 2 + rng.nextInt(2)));
      }
      for (int i = 0; i < clients.size(); i++) {
        for (int s : peersOfClient.get(i)) {
          flow(clients.get(i), servers.get(s));
        }
      }
      if (edge) {
        edge(unlabelled, clientRs, clients, peersOfClient, serverRs, servers, rollout);
      }
      if (spec.hostTraffic()) {
        hostTraffic(clients, servers);
      }
      if (spec.cronJob()) {
        cronJob();
      }
      return b.build();
    }

    static final String BATCH_NS = "app-batch";
    static final String CRON_JOB = "backup";

    /** A run every 30 minutes of the window; each lasts 8 scrape intervals. */
    static final int CRON_EVERY = 30;

    static final int CRON_RUN_STEPS = 8;

    /**
     * A CronJob's runs inside the window: each a Job named as the CronJob controller names it
     * ({@code backup-<scheduled time in minutes since the epoch>}) with one pod, created at the
     * scheduled time, which calls the server through its Service while it runs. Rolled up, they are
     * one workload, the CronJob.
     */
    private void cronJob() {
      WorkloadRef cron = new WorkloadRef(BATCH_NS, "CronJob", CRON_JOB);
      int minuteSteps = Math.max(1, (int) (60 / spec.scrapeInterval().getSeconds()));
      int every = CRON_EVERY * minuteSteps;
      int length = CRON_RUN_STEPS * minuteSteps;
      for (int from = w0 + 5 * minuteSteps; from + length < steps; from += every) {
        int to = from + length;
        String job =
            CRON_JOB
                + "-"
                + Math.floorDiv(
                    b.dataStart.plus(spec.scrapeInterval().multipliedBy(from)).getEpochSecond(),
                    60);
        b.job(BATCH_NS, job, CRON_JOB, from, to);
        Node n = randomZoned();
        Pod pod =
            b.pod(
                BATCH_NS,
                job + "-" + RandomNames.name(rng, 5),
                RandomNames.uid(rng),
                podIp(n),
                n,
                "Job",
                job,
                cron,
                from,
                to);
        // A server behind the Service over the whole run (the edge scenario rolls them out).
        for (Pod server : b.pods) {
          if (server.namespace().equals(SERVER_NS)
              && backendOf.containsKey(server)
              && server.from() <= from
              && server.to() >= to) {
            flow(pod, server);
            break;
          }
        }
      }
    }

    /**
     * Traffic with a node at one end (DESIGN §3, "Ends that are nodes"): the kubelet probing pods
     * on its node, a host-network client calling a pod on a node in another zone, pods calling
     * host-network servers on their own node and on a node in another zone, and NodePort traffic
     * from outside that a node forwards to a pod in another zone (SNATed to the node's IP).
     */
    private void hostTraffic(List<Pod> clients, List<Pod> servers) {
      hostNetworkPods();
      for (Pod s : servers.subList(0, 2)) {
        hostFlow(b.host(s.node()), s);
      }
      Pod c = clients.get(2);
      hostFlow(b.host(randomZonedExcept(c.node().zone())), c);
      Pod caller = clients.get(4);
      hostFlow(caller, b.host(randomZonedExcept(caller.node().zone())));
      Pod local = clients.get(5);
      hostFlow(local, b.host(local.node()));
      Pod backend = servers.get(3);
      Node via = randomZonedExcept(backend.node().zone());
      long[][] bytes =
          randomBytes(ClusterBuilder.overlapTo(b.host(via), backend) + 1 - backend.from());
      b.nodePort(NODE_PORT_CLIENT_IP, via, backend, bytes[0], bytes[1]);
      // a managed database in the cloud network, in a subnet of the third zone: not masqueraded
      Pod db = b.inVpc(DATABASE_IP, "10.0.200.0/24", ZONES.get(2), "rds-c");
      for (Pod s : servers.subList(4, 6)) {
        hostFlow(s, db);
      }
    }

    static final String HOST_NETWORK_NS = "kube-system";

    /**
     * Pods in host network, which kube-state-metrics lists and Retina does not see: a node agent
     * DaemonSet's pod on every node (the host-network traffic of {@link BillModel} is theirs), and
     * a static pod (kube-state-metrics' created_by_kind {@code Node}) on the first node. Their
     * names come from the node's, so the random draws of the rest of the cluster stay as they were.
     */
    private void hostNetworkPods() {
      for (Node n : b.nodes) {
        String suffix = RandomNames.name(new java.util.SplittableRandom(n.name().hashCode()), 5);
        b.hostNetworkPod(HOST_NETWORK_NS, "node-agent-" + suffix, n, "DaemonSet", "node-agent");
      }
      Node first = b.nodes.get(0);
      b.hostNetworkPod(
          HOST_NETWORK_NS, "etcd-" + first.name(), first, ClusterModel.HOST_KIND, first.name());
    }

    /** A connection by IP (no Service) between a node and a pod. */
    private void hostFlow(Pod opener, Pod peer) {
      int n = ClusterBuilder.overlapTo(opener, peer) - ClusterBuilder.overlapFrom(opener, peer) + 1;
      long[][] bytes = randomBytes(n);
      flowsSoFar.add(b.flow(opener, peer, bytes[0], bytes[1], null));
    }

    private long[][] randomBytes(int n) {
      return Simulator.randomBytes(rng.split(), n);
    }

    private void edge(
        Node unlabelled,
        String clientRs,
        List<Pod> clients,
        List<int[]> peersOfClient,
        String serverRs,
        List<Pod> oldServers,
        int rollout) {
      // A client scaled up mid-span: its series begin inside the span.
      int scaleUp = w0 + 2 * ws / 5;
      Pod lateClient = deploymentPod(CLIENT_NS, "client", clientRs, randomZoned(), scaleUp, steps);
      int[] latePeers = pick(6, 2);
      for (int s : latePeers) {
        flow(lateClient, oldServers.get(s));
      }

      // Rolling restart of server: a new ReplicaSet, new names and IPs, each pod in another zone.
      String newRs = "server-" + RandomNames.hash(rng);
      b.replicaSet(SERVER_NS, newRs, "server", rollout, steps);
      List<Pod> newServers = new ArrayList<>();
      for (Pod old : List.copyOf(oldServers)) {
        Node n = randomZonedExcept(old.node().zone());
        newServers.add(deploymentPod(SERVER_NS, "server", newRs, n, rollout, steps));
      }
      newServers.forEach(p -> backend(serverService, p));
      for (int i = 0; i < clients.size(); i++) {
        for (int s : peersOfClient.get(i)) {
          flow(clients.get(i), newServers.get(s));
        }
      }
      for (int s : latePeers) {
        flow(lateClient, newServers.get(s));
      }

      // A canary Deployment whose one pod has exactly the name of an app-server pod.
      Pod twin = oldServers.get(0);
      b.replicaSet(CANARY_NS, serverRs, "server", 0, steps);
      Node canaryNode = randomZonedExcept(twin.node().zone());
      Pod canary =
          b.pod(
              CANARY_NS,
              twin.name(),
              RandomNames.uid(rng),
              podIp(canaryNode),
              canaryNode,
              "ReplicaSet",
              serverRs,
              new WorkloadRef(CANARY_NS, "Deployment", "server"),
              0,
              steps);
      for (int i = 0; i < 3; i++) {
        flow(clients.get(i), canary);
      }

      // A database the servers call: db-0 shares old server 0's node, db-2 sits on the node
      // without a zone label.
      String dbRs = "db-" + RandomNames.hash(rng);
      b.replicaSet(DB_NS, dbRs, "db", 0, steps);
      List<Pod> dbs =
          List.of(
              deploymentPod(DB_NS, "db", dbRs, oldServers.get(0).node(), 0, steps),
              deploymentPod(DB_NS, "db", dbRs, randomZoned(), 0, steps),
              deploymentPod(DB_NS, "db", dbRs, unlabelled, 0, steps));
      service(DB_NS, "db", dbs);
      for (List<Pod> generation : List.of(oldServers, newServers)) {
        for (int i = 0; i < generation.size(); i++) {
          int primary = i % 3;
          flow(generation.get(i), dbs.get(primary));
          if (rng.nextInt(3) == 0) {
            flow(generation.get(i), dbs.get((primary + 1 + rng.nextInt(2)) % 3));
          }
        }
      }

      // cache-0 of a StatefulSet: deleted at 2/3 of the span, recreated under the same name with a
      // new IP on a node in another zone.
      int deleted = w0 + 2 * ws / 3;
      WorkloadRef cache = new WorkloadRef(CACHE_NS, "StatefulSet", "cache");
      Node firstNode = randomZoned();
      Pod cache0 = statefulPod(cache, firstNode, 0, deleted);
      Pod cache1 = statefulPod(cache, randomZonedExcept(firstNode.zone()), deleted + 1, steps);
      for (List<Pod> generation : List.of(oldServers, newServers)) {
        for (int i = 0; i < 2; i++) {
          for (Pod c : List.of(cache0, cache1)) {
            if (ClusterBuilder.overlapFrom(generation.get(i), c) >= 0) {
              flow(generation.get(i), c);
            }
          }
        }
      }

      // Traffic to a host outside the cluster.
      flow(clients.get(3), b.external(EXTERNAL_IP));

      // The agent of the node that opens the most connections restarts at a third of the span.
      int restartAt = w0 + ws / 3;
      Map<Node, Integer> openers = new LinkedHashMap<>();
      for (Flow f : flowsSoFar) {
        if (f.from() <= restartAt && restartAt <= f.to()) {
          openers.merge(f.opener().node(), 1, Integer::sum);
        }
      }
      Node busiest = null;
      for (Map.Entry<Node, Integer> e : openers.entrySet()) {
        if (busiest == null || e.getValue() > openers.get(busiest)) {
          busiest = e.getKey();
        }
      }
      b.restart(busiest, restartAt);

      windowEdges(clientRs, clients, newServers);
    }

    /**
     * What real monitoring data has at a window's edges (DESIGN §3): a scrape outage across the
     * window's start, a pod pair whose series Retina's TTL expires and re-creates from zero, and a
     * node (with its agent) added mid-window whose first scrape already carries series.
     */
    private void windowEdges(String clientRs, List<Pod> clients, List<Pod> newServers) {
      long perMinute = 60 / spec.scrapeInterval().getSeconds();
      int before = (int) Math.max(1, 15 * perMinute);
      int after = (int) Math.max(1, 5 * perMinute);
      if (w0 > before) {
        b.outage(w0 - before, Math.min(steps, w0 + after));
      }

      // A pair called by pod IP (a Service's series are shared by its clients' connections).
      for (Flow f : List.copyOf(flowsSoFar)) {
        int gapFrom = w0 + ws / 6;
        int gapTo = gapFrom + (int) Math.max(1, 10 * perMinute);
        boolean byPodIp = f.via() == null && backendOf.get(f.peer()) == null;
        if (byPodIp && !f.peer().external() && f.from() < gapFrom && gapTo < f.to()) {
          b.expire(f, gapFrom, gapTo);
          break;
        }
      }

      int joins = Math.min(steps - 4, w0 + ws / 2 + 7);
      Node added = b.node(nodeName(8), "10.0.8." + (10 + rng.nextInt(240)), ZONES.get(1), joins);
      subnetOf.put(added, 8);
      Pod first = deploymentPod(CLIENT_NS, "client", clientRs, added, joins, steps);
      Pod second = deploymentPod(CLIENT_NS, "client", clientRs, added, joins + 5, steps);
      for (Pod p : List.of(first, second)) {
        for (int s : pick(newServers.size(), 2)) {
          flow(p, newServers.get(s));
        }
      }
    }

    private String nodeName(int subnet) {
      String name = "ip-10-0-" + subnet + "-" + (10 + rng.nextInt(240)) + ".ec2.internal";
      while (!usedNames.add(name)) {
        name = "ip-10-0-" + subnet + "-" + (10 + rng.nextInt(240)) + ".ec2.internal";
      }
      return name;
    }

    private Node node(int subnet, String zone) {
      int host = 10 + rng.nextInt(240);
      String name = "ip-10-0-" + subnet + "-" + host + ".ec2.internal";
      while (!usedNames.add(name)) {
        host = 10 + rng.nextInt(240);
        name = "ip-10-0-" + subnet + "-" + host + ".ec2.internal";
      }
      Node n = b.node(name, "10.0." + subnet + "." + host, zone);
      subnetOf.put(n, subnet);
      return n;
    }

    /** Pod IPs come from the node's zone's range, never reused within a run. */
    private String podIp(Node n) {
      int subnet = subnetOf.get(n);
      int c = ipCounters.merge(subnet, 1, Integer::sum) - 1;
      return "10.0." + (subnet * 10 + 1 + c / 240) + "." + (10 + c % 240);
    }

    private Pod deploymentPod(String ns, String deploy, String rs, Node n, int from, int to) {
      String name = rs + "-" + RandomNames.name(rng, 5);
      while (!usedNames.add(ns + "/" + name)) {
        name = rs + "-" + RandomNames.name(rng, 5);
      }
      return b.pod(
          ns,
          name,
          RandomNames.uid(rng),
          podIp(n),
          n,
          "ReplicaSet",
          rs,
          new WorkloadRef(ns, "Deployment", deploy),
          from,
          to);
    }

    private Pod statefulPod(WorkloadRef set, Node n, int from, int to) {
      return b.pod(
          set.namespace(),
          set.name() + "-0",
          RandomNames.uid(rng),
          podIp(n),
          n,
          "StatefulSet",
          set.name(),
          set,
          from,
          to);
    }

    private Service serverService;

    /** A ClusterIP Service over the given pods; flows to them then go through it. */
    private Service service(String namespace, String name, List<Pod> backends) {
      Service s =
          b.service(namespace, name, RandomNames.uid(rng), "10.100.0." + (10 + clusterIps++));
      backends.forEach(p -> backend(s, p));
      return s;
    }

    private void backend(Service s, Pod p) {
      b.backend(s, p);
      backendOf.put(p, s);
    }

    private Flow flow(Pod opener, Pod peer) {
      int from = ClusterBuilder.overlapFrom(opener, peer);
      long[][] bytes = randomBytes(ClusterBuilder.overlapTo(opener, peer) - from + 1);
      Flow f = b.flow(opener, peer, bytes[0], bytes[1], backendOf.get(peer));
      flowsSoFar.add(f);
      return f;
    }

    /** {@code count} nodes that use every labelled node in turn, in a random order. */
    private List<Node> spread(int count) {
      List<Node> order = new ArrayList<>(zoned);
      for (int i = order.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        Node t = order.get(i);
        order.set(i, order.get(j));
        order.set(j, t);
      }
      List<Node> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        out.add(order.get(i % order.size()));
      }
      return out;
    }

    private Node randomZoned() {
      return zoned.get(rng.nextInt(zoned.size()));
    }

    private Node randomZonedExcept(String zone) {
      List<Node> others = zoned.stream().filter(n -> !n.zone().equals(zone)).toList();
      return others.get(rng.nextInt(others.size()));
    }

    /** {@code k} distinct indices below {@code n}, ascending. */
    private int[] pick(int n, int k) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(i);
      }
      int[] out = new int[k];
      for (int i = 0; i < k; i++) {
        out[i] = all.remove(rng.nextInt(all.size()));
      }
      Arrays.sort(out);
      return out;
    }
  }
}
