package dev.zonecost.accounting;

/**
 * A workload as users think of it: a Deployment rather than its ReplicaSet. {@code cluster} is
 * empty unless rows are split by cluster ({@code --by-cluster}).
 */
public record WorkloadRef(String namespace, String kind, String name, String cluster) {
  public WorkloadRef(String namespace, String kind, String name) {
    this(namespace, kind, name, "");
  }

  public WorkloadRef withCluster(String c) {
    return new WorkloadRef(namespace, kind, name, c == null ? "" : c);
  }
}
