package dev.zonecost.accounting;

import java.util.HashMap;
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

  /** The workload a Retina endpoint belongs to. */
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
