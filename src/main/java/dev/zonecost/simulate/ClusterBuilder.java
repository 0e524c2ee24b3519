package dev.zonecost.simulate;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.NodeTraffic;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Job;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.ReplicaSet;
import dev.zonecost.simulate.ClusterModel.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Assembles a cluster by hand: used by {@link Simulator} and by tests with tiny clusters. */
final class ClusterBuilder {
  final String scenario;
  final Instant dataStart;
  final Instant windowStart;
  final BitSet outage = new BitSet();
  final int steps;
  final Duration interval;
  final DataAggregationLevel level;
  final boolean nativeZones;
  final List<String> ksmInstances = new ArrayList<>();
  final List<Node> nodes = new ArrayList<>();
  final List<ReplicaSet> replicaSets = new ArrayList<>();
  final List<Job> jobs = new ArrayList<>();
  final List<Pod> pods = new ArrayList<>();
  final List<Pod> hostNetworkPods = new ArrayList<>();
  final List<Flow> flows = new ArrayList<>();
  final Map<String, TreeSet<Integer>> restarts = new TreeMap<>();
  final Map<String, List<Pod>> podsByIp = new HashMap<>();
  final Set<List<Pod>> pairs = new HashSet<>();
  final List<Service> services = new ArrayList<>();
  final Map<Node, Pod> hosts = new HashMap<>();
  final Map<List<Pod>, String> nodePortClients = new HashMap<>();
  final Map<String, List<String>> subnetsByIp = new java.util.LinkedHashMap<>();
  Routing routing = Routing.KUBE_PROXY;
  TrafficDistribution distribution = TrafficDistribution.DEFAULT;

  /** Per Service ("namespace/name"), the step its trafficDistribution is set mid-period. */
  final Map<String, Integer> switchOn = new HashMap<>();

  boolean ksmExportedLabels;
  java.util.Set<SimulationSpec.SetUpFault> faults = java.util.Set.of();

  ClusterBuilder(
      String scenario,
      Instant dataStart,
      Instant windowStart,
      int steps,
      Duration interval,
      DataAggregationLevel level,
      boolean nativeZones) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps < 0");
    }
    this.scenario = Objects.requireNonNull(scenario);
    this.dataStart = Objects.requireNonNull(dataStart);
    this.windowStart = Objects.requireNonNull(windowStart);
    this.steps = steps;
    this.interval = Objects.requireNonNull(interval);
    this.level = Objects.requireNonNull(level);
    this.nativeZones = nativeZones;
  }

  int steps() {
    return steps;
  }

  ClusterBuilder ksmInstance(String instance) {
    ksmInstances.add(instance);
    return this;
  }

  Node node(String name, String ip, String zone) {
    return node(name, ip, zone, 0);
  }

  /** A node (and its Retina agent) that joins the cluster at step {@code from}. */
  Node node(String name, String ip, String zone, int from) {
    checkLife(from, from);
    Node n = new Node(name, ip, zone, from);
    nodes.add(n);
    return n;
  }

  /** Prometheus scrapes nothing over steps [from, to]: a restart, a WAL replay, an outage. */
  ClusterBuilder outage(int from, int to) {
    checkLife(from, to);
    outage.set(from, to + 1);
    return this;
  }

  /**
   * The flow goes idle over steps [gapFrom, gapTo]: Retina's TTL expires its series, which come
   * back from zero when bytes flow again. Both ends must lie strictly inside the flow's life.
   */
  Flow expire(Flow f, int gapFrom, int gapTo) {
    if (gapFrom <= f.from() || gapTo >= f.to() || gapFrom > gapTo || f.gapFrom() >= 0) {
      throw new IllegalArgumentException("a TTL gap must lie inside the flow's life");
    }
    Flow g = new Flow(f.opener(), f.peer(), f.from(), f.bytes(), gapFrom, gapTo, f.via());
    flows.set(flows.indexOf(f), g);
    return g;
  }

  ReplicaSet replicaSet(String namespace, String name, String deployment, int from, int to) {
    checkLife(from, to);
    ReplicaSet rs = new ReplicaSet(namespace, name, deployment, from, to);
    replicaSets.add(rs);
    return rs;
  }

  /** A CronJob's Job over [from, to]; its pods are added with {@link #pod}, owner kind Job. */
  Job job(String namespace, String name, String cronJob, int from, int to) {
    checkLife(from, to);
    Job j = new Job(namespace, name, cronJob, from, to);
    jobs.add(j);
    return j;
  }

  Pod pod(
      String namespace,
      String name,
      String uid,
      String ip,
      Node node,
      String ownerKind,
      String ownerName,
      WorkloadRef workload,
      int from,
      int to) {
    checkLife(from, to);
    Objects.requireNonNull(node, "node");
    if (from < node.from()) {
      throw new IllegalArgumentException("pod " + name + " before its node " + node.name());
    }
    List<Pod> sameIp = podsByIp.computeIfAbsent(ip, k -> new ArrayList<>());
    for (Pod p : sameIp) {
      if (p.from() <= to && from <= p.to()) {
        throw new IllegalArgumentException("pod IP " + ip + " in use by " + p.name());
      }
    }
    Pod p = new Pod(namespace, name, uid, ip, node, ownerKind, ownerName, workload, from, to);
    pods.add(p);
    sameIp.add(p);
    return p;
  }

  /**
   * A pod with {@code hostNetwork: true} on {@code node}, over the node's life: its IP is the
   * node's (kube-state-metrics' {@code pod_ip} equals {@code host_ip}, {@code
   * host_network="true"}); Retina keeps no endpoint for it
   * (pkg/controllers/daemon/pod/controller.go skips host-network pods), so its traffic with other
   * nodes is in no Retina series. Kept apart from {@link #pods}: no flow of the model names it, its
   * bytes are the bill's ({@link BillModel}).
   */
  Pod hostNetworkPod(String namespace, String name, Node node, String ownerKind, String owner) {
    Pod p =
        new Pod(
            namespace,
            name,
            RandomNames.uid(new java.util.SplittableRandom(name.hashCode())),
            node.ip(),
            node,
            ownerKind,
            owner,
            new WorkloadRef(namespace, ownerKind, owner),
            node.from(),
            steps);
    hostNetworkPods.add(p);
    return p;
  }

  /** The node itself as an end (its IP): no kube_pod_info of its own; Retina names it by its IP. */
  Pod host(Node n) {
    return hosts.computeIfAbsent(
        n,
        k ->
            new Pod(
                "",
                k.name(),
                "",
                k.ip(),
                k,
                ClusterModel.HOST_KIND,
                k.name(),
                NodeTraffic.node(k.name()),
                k.from(),
                steps));
  }

  /**
   * A NodePort (or LoadBalancer) connection from {@code clientIp} outside the cluster that the node
   * {@code via} forwards to {@code backend} on another node, SNATed to its own IP
   * (externalTrafficPolicy Cluster): the forwarded leg is a flow from the node to the pod; the
   * node's host interface also sees the client's leg (at {@code low}).
   */
  Flow nodePort(String clientIp, Node via, Pod backend, long[] request, long[] reply) {
    Pod h = host(via);
    Flow f = flow(h, backend, request, reply, null);
    nodePortClients.put(List.of(h, backend), clientIp);
    return f;
  }

  /**
   * An endpoint outside the cluster inside the cloud network (a managed database), in a subnet
   * whose zone the user can name with {@code --subnets}; its traffic is not masqueraded.
   */
  Pod inVpc(String ip, String cidr, String zone, String name) {
    subnetsByIp.put(ip, List.of(cidr, zone, name));
    return external(ip);
  }

  /** An endpoint outside the cluster: no node, no kube-state-metrics series, unknown zone. */
  Pod external(String ip) {
    return SimulatedCluster.address(ip, steps);
  }

  /** The first step at which both pods live, or -1 when their lives do not overlap. */
  static int overlapFrom(Pod a, Pod b) {
    int from = Math.max(a.from(), b.from());
    int to = Math.min(a.to(), b.to());
    return from <= to ? from : -1;
  }

  static int overlapTo(Pod a, Pod b) {
    return Math.min(a.to(), b.to());
  }

  /** A connection over the whole overlap of the two pods' lives; arrays cover that overlap. */
  Flow flow(Pod opener, Pod peer, long[] request, long[] reply) {
    return flow(opener, peer, request, reply, null);
  }

  /** The same through a Service (null: to the peer's IP). */
  Flow flow(Pod opener, Pod peer, long[] request, long[] reply, Service via) {
    if (request.length != reply.length) {
      throw new IllegalArgumentException("request and reply arrays differ in length");
    }
    return flow(opener, peer, new FixedBytes(request.clone(), reply.clone()), via);
  }

  /** A connection over the whole overlap of the two pods' lives; {@code bytes} covers it. */
  Flow flow(Pod opener, Pod peer, FlowBytes bytes) {
    return flow(opener, peer, bytes, null);
  }

  /** A ClusterIP Service whose backends are added with {@link #backend}. */
  Service service(String namespace, String name, String uid, String clusterIp) {
    Service s = new Service(namespace, name, uid, clusterIp, new ArrayList<>());
    services.add(s);
    return s;
  }

  /**
   * The Service's {@code trafficDistribution: PreferSameZone} is set at {@code step}: from then the
   * EndpointSlice controller hints its endpoints and kube-proxy routes by them.
   */
  ClusterBuilder switchOn(Service s, int step) {
    checkLife(step, step);
    switchOn.put(s.namespace() + "/" + s.name(), step);
    return this;
  }

  /** The step from which {@code s} is routed by zone, {@link Integer#MAX_VALUE} for never. */
  static int routedFrom(TrafficDistribution d, Map<String, Integer> switchOn, Service s) {
    if (d != TrafficDistribution.DEFAULT) {
      return 0;
    }
    return switchOn.getOrDefault(s.namespace() + "/" + s.name(), Integer.MAX_VALUE);
  }

  /** A pod in the Service's EndpointSlice while it lives. */
  ClusterBuilder backend(Service s, Pod pod) {
    s.backends().add(pod);
    return this;
  }

  /**
   * A connection the opener makes to the Service, which kube-proxy sends to {@code backend}; with a
   * routing without DNAT after Retina's hook (socket LB, pod-IP-only data) the opener's packets
   * carry the backend's IP.
   */
  Flow flow(Pod opener, Pod peer, FlowBytes bytes, Service via) {
    if (via != null && !routing.dnatAfterHook()) {
      via = null;
    }
    if (via != null && !via.backends().contains(peer)) {
      throw new IllegalArgumentException(peer.name() + " is not a backend of " + via.name());
    }
    if (opener.external()) {
      throw new IllegalArgumentException("an external endpoint cannot open a flow here");
    }
    int from = overlapFrom(opener, peer);
    if (from < 0) {
      throw new IllegalArgumentException(opener.name() + " and " + peer.name() + " never meet");
    }
    int length = overlapTo(opener, peer) - from + 1;
    if (bytes.length() != length) {
      throw new IllegalArgumentException("byte arrays must have " + length + " entries");
    }
    if (pairs.contains(List.of(peer, opener)) || !pairs.add(List.of(opener, peer))) {
      throw new IllegalArgumentException("one flow per pod pair");
    }
    Flow f = new Flow(opener, peer, from, bytes, -1, -1, via);
    flows.add(f);
    return f;
  }

  /** The agent on {@code node} restarts at {@code step}: every series it observes resets. */
  ClusterBuilder restart(Node node, int step) {
    checkLife(step, step);
    restarts.computeIfAbsent(node.name(), k -> new TreeSet<>()).add(step);
    return this;
  }

  SimulatedCluster build() {
    requireDisjointServiceIps();
    if (distribution != TrafficDistribution.DEFAULT || !switchOn.isEmpty()) {
      List<Flow> routed =
          SameZoneRouting.apply(
              flows,
              distribution == TrafficDistribution.PREFER_SAME_NODE,
              s -> routedFrom(distribution, switchOn, s));
      flows.clear();
      flows.addAll(routed);
    }
    return new SimulatedCluster(this);
  }

  /**
   * A ClusterIP comes from the Service CIDR, which never overlaps the pods' and nodes' addresses
   * (kube-apiserver's --service-cluster-ip-range): a cluster where one did would make Retina's
   * series of that pod look like a Service's.
   */
  private void requireDisjointServiceIps() {
    Set<String> addresses = new HashSet<>();
    pods.forEach(p -> addresses.add(p.ip()));
    nodes.forEach(n -> addresses.add(n.ip()));
    for (Service s : services) {
      if (addresses.contains(s.clusterIp())) {
        throw new IllegalStateException(
            "ClusterIP "
                + s.clusterIp()
                + " of "
                + s.name()
                + " is also a pod's or node's address");
      }
    }
  }

  private void checkLife(int from, int to) {
    if (from < 0 || to > steps || from > to) {
      throw new IllegalArgumentException(
          "life [" + from + ", " + to + "] outside [0, " + steps + "]");
    }
  }
}
