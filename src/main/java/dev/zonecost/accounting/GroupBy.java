package dev.zonecost.accounting;

import java.util.Locale;

/**
 * The grain of a row's two ends: namespace, workload (default), pod, or service (workloads, with
 * the Service a client called in place of the pods that answered it).
 */
public enum GroupBy {
  NAMESPACE,
  WORKLOAD,
  POD,
  SERVICE;

  /** The row end for an endpoint of this workload and pod. */
  public WorkloadRef of(WorkloadRef workload, String pod) {
    return switch (this) {
      case NAMESPACE -> new WorkloadRef(workload.namespace(), "", "", workload.cluster());
      case WORKLOAD, SERVICE -> workload;
      case POD ->
          new WorkloadRef(
              workload.namespace(),
              "Pod",
              pod.isEmpty() ? workload.name() : pod,
              workload.cluster());
    };
  }

  /** A Service as a row end (for {@link #SERVICE}). */
  public static WorkloadRef service(String namespace, String name, String cluster) {
    return new WorkloadRef(namespace, "Service", name, cluster);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
