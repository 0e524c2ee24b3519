package dev.zonecost.accounting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pod → node → zone, from kube-state-metrics over the window. A pod never changes node during its
 * life, so one lookup per pod incarnation (namespace, name, IP) is exact; a name alone is used only
 * when no incarnation with that IP is known, and only while it points at one zone.
 */
public final class PodDirectory {
  private final Map<PodKey, Set<String>> nodesByIncarnation = new HashMap<>();
  private final Map<PodKey, Set<String>> nodesByName = new HashMap<>();
  private final Map<String, String> zoneByNode = new HashMap<>();
  private final Set<String> serviceIps = new HashSet<>();
  private final Set<String> nodeIps = new HashSet<>();
  private int ambiguousLookups;

  /** Records that the pod ran on {@code node} (cluster-qualified by the caller's key). */
  public void addPod(PodKey pod, String node) {
    if (node == null || node.isEmpty()) {
      return;
    }
    nodesByIncarnation.computeIfAbsent(pod, k -> new TreeSet<>()).add(node);
    nodesByName.computeIfAbsent(pod.withoutIp(), k -> new TreeSet<>()).add(node);
  }

  /** Records a node's zone; an empty zone (label absent) leaves the node without zone. */
  /** A Service's ClusterIP (kube_service_info): series naming it name the Service, not a pod. */
  public void addServiceIp(String cluster, String ip) {
    if (!ip.isEmpty() && !ip.equals("None")) {
      serviceIps.add(cluster + "\u0000" + ip);
    }
  }

  private final Map<String, String[]> serviceByIp = new HashMap<>();
  private final Map<String, Set<String>> servicesOfBackend = new HashMap<>();

  /** A Service's name behind its ClusterIP (kube_service_info), for {@code --group-by service}. */
  public void addService(String cluster, String ip, String namespace, String name) {
    addServiceIp(cluster, ip);
    serviceByIp.put(cluster + "\u0000" + ip, new String[] {namespace, name});
  }

  /** A ready endpoint of a Service (its EndpointSlice's address). */
  public void addBackend(String cluster, String namespace, String service, String address) {
    servicesOfBackend
        .computeIfAbsent(cluster + "\u0000" + address, k -> new HashSet<>())
        .add(namespace + "\u0000" + service);
  }

  /** The Service whose ClusterIP this endpoint is, as namespace and name; null if none. */
  public String[] serviceAt(PodKey endpoint) {
    return serviceByIp.get(endpoint.cluster() + "\u0000" + endpoint.ip());
  }

  /** Whether the pod is a ready endpoint of the Service (namespace, name). */
  public boolean backs(PodKey pod, String[] service) {
    Set<String> s = servicesOfBackend.get(pod.cluster() + "\u0000" + pod.ip());
    return s != null && s.contains(service[0] + "\u0000" + service[1]);
  }

  /** A node's IP (kube_pod_info's host_ip): the source of masqueraded traffic. */
  public void addNodeIp(String cluster, String ip) {
    if (!ip.isEmpty()) {
      nodeIps.add(cluster + "\u0000" + ip);
    }
  }

  private final Map<String, Set<String>> nodesByIp = new HashMap<>();

  /**
   * A node's address ({@code kube_node_info}'s {@code internal_ip}, {@code kube_pod_info}'s {@code
   * host_ip} with its {@code node}): an end with that IP that is not a pod is that node.
   */
  public void addNodeAddress(String cluster, String ip, String node) {
    if (ip.isEmpty() || node.isEmpty()) {
      return;
    }
    addNodeIp(cluster, ip);
    nodesByIp.computeIfAbsent(cluster + "\u0000" + ip, k -> new TreeSet<>()).add(node);
  }

  /**
   * The node an end is, when it is not a pod and its IP is one node's (a kubelet, a host-network
   * pod, a node forwarding NodePort traffic); null otherwise, or when the IP was two nodes'.
   */
  public String nodeAt(PodKey endpoint) {
    if (!Zones.isUnknown(endpoint.namespace()) && !endpoint.namespace().isEmpty()) {
      return null;
    }
    Set<String> nodes = nodesByIp.get(endpoint.cluster() + "\u0000" + endpoint.ip());
    return nodes != null && nodes.size() == 1 ? nodes.iterator().next() : null;
  }

  /**
   * The node an agent runs on, from its {@code instance}: a node's name (Retina's chart relabels it
   * so) or a node's IP, with or without a port (an agent in host network scraped by its pod's
   * address); null when it is neither.
   */
  public String agentNode(String cluster, String instance) {
    if (instance == null || instance.isEmpty()) {
      return null;
    }
    if (zoneByNode.containsKey(nodeKey(cluster, instance))) {
      return instance;
    }
    int colon = instance.lastIndexOf(':');
    String host =
        colon > 0 && instance.indexOf(':') == colon ? instance.substring(0, colon) : instance;
    Set<String> nodes = nodesByIp.get(cluster + "\u0000" + host);
    return nodes != null && nodes.size() == 1 ? nodes.iterator().next() : null;
  }

  /** A node's zone, {@link Zones#UNKNOWN} when it has none. */
  public String zoneOfNode(String cluster, String node) {
    return zoneOf(cluster, node);
  }

  public boolean isServiceIp(PodKey endpoint) {
    return serviceIps.contains(endpoint.cluster() + "\u0000" + endpoint.ip());
  }

  public boolean isNodeIp(PodKey endpoint) {
    return nodeIps.contains(endpoint.cluster() + "\u0000" + endpoint.ip());
  }

  /** Whether any ClusterIP is known: without, Service series look like outside traffic. */
  public boolean knowsServices() {
    return !serviceIps.isEmpty();
  }

  public void addNode(String cluster, String node, String zone) {
    if (zone == null || zone.isEmpty()) {
      zoneByNode.putIfAbsent(nodeKey(cluster, node), Zones.UNKNOWN);
    } else {
      zoneByNode.put(nodeKey(cluster, node), zone);
    }
  }

  public Placement placement(PodKey pod) {
    Set<String> nodes = nodesByIncarnation.get(pod);
    if (nodes == null) {
      nodes = nodesByName.get(pod.withoutIp());
    }
    if (nodes == null) {
      return Placement.UNKNOWN;
    }
    if (nodes.size() == 1) {
      String node = nodes.iterator().next();
      return new Placement(node, zoneOf(pod.cluster(), node));
    }
    Set<String> zones = new TreeSet<>();
    for (String node : nodes) {
      zones.add(zoneOf(pod.cluster(), node));
    }
    if (zones.size() == 1) {
      return new Placement("", zones.iterator().next());
    }
    ambiguousLookups++;
    return Placement.UNKNOWN;
  }

  private String zoneOf(String cluster, String node) {
    return zoneByNode.getOrDefault(nodeKey(cluster, node), Zones.UNKNOWN);
  }

  /** Lookups that found one pod on nodes in different zones and so stayed unknown. */
  public int ambiguousLookups() {
    return ambiguousLookups;
  }

  private static String nodeKey(String cluster, String node) {
    return cluster + '\u0000' + node;
  }
}
