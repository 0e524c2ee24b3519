package dev.zonecost.report;

import dev.zonecost.accounting.WorkloadRef;
import java.time.Instant;

/**
 * A Deployment's rollout: one of its ReplicaSets created at {@code created}, from
 * kube-state-metrics' {@code kube_replicaset_created} and {@code kube_replicaset_owner}.
 *
 * @param deployment the Deployment (kind {@code Deployment}; its cluster when the cluster label is
 *     there)
 */
public record Rollout(WorkloadRef deployment, String replicaSet, Instant created) {
  /**
   * Whether this is a rollout of {@code w}: same namespace, a Deployment of that name, and the same
   * cluster when {@code w} names one (rows split by {@code --by-cluster}).
   */
  public boolean of(WorkloadRef w) {
    return w.kind().equals("Deployment")
        && w.namespace().equals(deployment.namespace())
        && w.name().equals(deployment.name())
        && (w.cluster().isEmpty() || w.cluster().equals(deployment.cluster()));
  }
}
