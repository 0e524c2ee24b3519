package dev.zonecost.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster's nodes as the cloud names them: {@code kube_node_info}'s {@code provider_id} ({@code
 * aws:///us-east-1a/i-0abc…}, {@code gce://project/us-central1-a/name}), whose last segment is the
 * resource id on the bill; GCP's export names the VM, which is the node's name, so a node's name
 * matches too.
 */
public final class NodeInstances {
  private final Map<String, String> nodeByResource = new LinkedHashMap<>();
  private final Map<String, String> providerZone = new LinkedHashMap<>();
  private final Map<String, String> internalIp = new LinkedHashMap<>();

  /** Adds a node; an empty provider id adds its name only. */
  public void add(String node, String providerId, String ip) {
    String id = resourceOf(providerId);
    if (!id.isEmpty()) {
      nodeByResource.put(id, node);
    }
    nodeByResource.putIfAbsent(node, node);
    String zone = zoneOf(providerId);
    if (!zone.isEmpty()) {
      providerZone.put(node, zone);
    }
    if (ip != null && !ip.isEmpty()) {
      internalIp.put(node, ip);
    }
  }

  /** The resource id a provider id names: its last path segment. */
  public static String resourceOf(String providerId) {
    if (providerId == null || providerId.isEmpty()) {
      return "";
    }
    int slash = providerId.lastIndexOf('/');
    return providerId.substring(slash + 1);
  }

  /** The zone a provider id carries (AWS and GCE put it before the id), else empty. */
  static String zoneOf(String providerId) {
    if (providerId == null) {
      return "";
    }
    String[] parts = providerId.split("/");
    return parts.length >= 2 && providerId.contains("://") ? parts[parts.length - 2] : "";
  }

  /** The node a bill's resource id is, or null. */
  public String node(String resourceId) {
    return nodeByResource.get(resourceId);
  }

  /** The zone in the node's provider id, or empty. */
  public String providerZone(String node) {
    return providerZone.getOrDefault(node, "");
  }

  /** The node whose {@code internal_ip} this is, or null (none, or two nodes'). */
  public String nodeAtAddress(String ip) {
    String found = null;
    for (Map.Entry<String, String> e : internalIp.entrySet()) {
      if (e.getValue().equals(ip)) {
        if (found != null) {
          return null;
        }
        found = e.getKey();
      }
    }
    return found;
  }

  public String internalIp(String node) {
    return internalIp.getOrDefault(node, "");
  }

  /** The resource id of a node (its instance), or its name when it has none. */
  public String resourceOfNode(String node) {
    for (Map.Entry<String, String> e : nodeByResource.entrySet()) {
      if (e.getValue().equals(node) && !e.getKey().equals(node)) {
        return e.getKey();
      }
    }
    return node;
  }

  /** The cluster's regions, from its nodes' zones ({@code us-east-1a} → {@code us-east-1}). */
  public java.util.Set<String> regions() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String z : providerZone.values()) {
      out.add(z.replaceFirst("-[a-z]$", "").replaceFirst("(?<=\\d)[a-z]$", ""));
    }
    return out;
  }

  public boolean isEmpty() {
    return nodeByResource.isEmpty();
  }

  public boolean hasInstances() {
    return nodeByResource.entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()));
  }
}
