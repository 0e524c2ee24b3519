package dev.zonecost.report;

import dev.zonecost.accounting.WorkloadRef;
import java.time.Instant;

/**
 * A rollout: a Deployment's ReplicaSet created at {@code created} (kube-state-metrics' {@code
 * kube_replicaset_created} and {@code kube_replicaset_owner}), or a StatefulSet's or DaemonSet's
 * first pod created in the window ({@code kube_pod_created}, {@code kube_pod_owner}).
 *
 * @param deployment the workload (kind {@code Deployment}, {@code StatefulSet} or {@code
 *     DaemonSet}; its cluster when the cluster label is there)
 * @param replicaSet the new ReplicaSet, or for a StatefulSet or DaemonSet its first new pod
 */
public record Rollout(WorkloadRef deployment, String replicaSet, Instant created) {
  /**
   * Whether this is a rollout of {@code w}: same namespace, a workload of that kind and name, and
   * the same cluster when {@code w} names one (rows split by {@code --by-cluster}).
   */
  public boolean of(WorkloadRef w) {
    return w.kind().equals(deployment.kind())
        && w.namespace().equals(deployment.namespace())
        && w.name().equals(deployment.name())
        && (w.cluster().isEmpty() || w.cluster().equals(deployment.cluster()));
  }
}
