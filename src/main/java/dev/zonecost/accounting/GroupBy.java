package dev.zonecost.accounting;

import java.util.Locale;

/** The grain of a row's two ends: namespace, workload (default) or pod. */
public enum GroupBy {
  NAMESPACE,
  WORKLOAD,
  POD;

  /** The row end for an endpoint of this workload and pod. */
  public WorkloadRef of(WorkloadRef workload, String pod) {
    return switch (this) {
      case NAMESPACE -> new WorkloadRef(workload.namespace(), "", "", workload.cluster());
      case WORKLOAD -> workload;
      case POD ->
          new WorkloadRef(
              workload.namespace(),
              "Pod",
              pod.isEmpty() ? workload.name() : pod,
              workload.cluster());
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
