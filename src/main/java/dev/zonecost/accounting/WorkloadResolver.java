package dev.zonecost.accounting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retina names a pod's first owner, for a Deployment's pod its ReplicaSet ({@code
 * client-6d4cf56db6}). Users think in Deployments: roll ReplicaSets up through {@code
 * kube_replicaset_owner}, else strip the pod-template hash.
 */
public final class WorkloadResolver {
  /** Kubernetes' pod-template-hash alphabet (rand.SafeEncodeString), 6 to 10 characters. */
  private static final Pattern HASHED =
      Pattern.compile("^(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}$");

  public static final WorkloadRef UNKNOWN = new WorkloadRef("unknown", "unknown", "unknown");

  private final Map<String, WorkloadRef> owners = new HashMap<>();
  private final List<String[]> podOwners = new ArrayList<>();
  private Map<String, String> kindByName;
  private int rolledUpByOwner;
  private int rolledUpByName;

  public void addReplicaSetOwner(
      String cluster, String namespace, String replicaSet, String ownerKind, String ownerName) {
    if (ownerKind.isEmpty() || ownerKind.equals("<none>") || ownerName.isEmpty()) {
      return;
    }
    owners.put(
        key(cluster, namespace, replicaSet), new WorkloadRef(namespace, ownerKind, ownerName));
  }

  /**
   * A pod's first owner (kube_pod_info's {@code created_by_*}): tells the kind of a workload that a
   * source names without one (Istio's {@code source_workload}).
   */
  public void addPodOwner(String cluster, String namespace, String kind, String name) {
    if (!isUnknown(kind) && !isUnknown(name) && !kind.equals("<none>")) {
      podOwners.add(new String[] {cluster, namespace, kind, name});
      kindByName = null;
    }
  }

  /**
   * The workload an endpoint belongs to. A source that names workloads without their kind (an empty
   * {@code kind}) gets the kind of the pods whose top owner has that name, or {@code unknown} when
   * none or several kinds do.
   */
  public WorkloadRef resolve(
      String cluster, String namespace, String kind, String name, String pod) {
    if (isUnknown(namespace) && isUnknown(name) && isUnknown(pod)) {
      return UNKNOWN;
    }
    String ns = isUnknown(namespace) ? "unknown" : namespace;
    if (isUnknown(name)) {
      return isUnknown(pod)
          ? new WorkloadRef(ns, "unknown", "unknown")
          : new WorkloadRef(ns, "Pod", pod);
    }
    if (kind.isEmpty()) {
      return new WorkloadRef(ns, kindOf(cluster, ns, name), name);
    }
    if (kind.equalsIgnoreCase("ReplicaSet")) {
      WorkloadRef owner = owners.get(key(cluster, ns, name));
      if (owner != null) {
        rolledUpByOwner++;
        return owner;
      }
      Matcher m = HASHED.matcher(name);
      if (m.matches()) {
        rolledUpByName++;
        return new WorkloadRef(ns, "Deployment", m.group(1));
      }
    }
    return new WorkloadRef(ns, isUnknown(kind) ? "unknown" : kind, name);
  }

  private String kindOf(String cluster, String namespace, String name) {
    if (kindByName == null) {
      Map<String, String> m = new HashMap<>();
      for (String[] o : podOwners) {
        WorkloadRef top = resolveOwner(o[0], o[1], o[2], o[3]);
        m.merge(key(o[0], o[1], top.name()), top.kind(), (a, b) -> a.equals(b) ? a : "unknown");
      }
      kindByName = m;
    }
    return kindByName.getOrDefault(key(cluster, namespace, name), "unknown");
  }

  /** A first owner rolled up without counting it in the roll-up statistics. */
  private WorkloadRef resolveOwner(String cluster, String namespace, String kind, String name) {
    if (kind.equalsIgnoreCase("ReplicaSet")) {
      WorkloadRef owner = owners.get(key(cluster, namespace, name));
      if (owner != null) {
        return owner;
      }
      Matcher m = HASHED.matcher(name);
      if (m.matches()) {
        return new WorkloadRef(namespace, "Deployment", m.group(1));
      }
    }
    return new WorkloadRef(namespace, kind, name);
  }

  public int rolledUpByOwner() {
    return rolledUpByOwner;
  }

  public int rolledUpByName() {
    return rolledUpByName;
  }

  private static boolean isUnknown(String v) {
    return v == null || v.isEmpty() || v.equals("unknown");
  }

  private static String key(String cluster, String namespace, String replicaSet) {
    return cluster + '\u0000' + namespace + '\u0000' + replicaSet;
  }
}
