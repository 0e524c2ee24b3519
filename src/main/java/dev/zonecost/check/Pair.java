package dev.zonecost.check;

import dev.zonecost.accounting.WorkloadRef;
import java.util.Comparator;

/** A workload pair: source namespace/workload to destination namespace/workload, any zones. */
public record Pair(WorkloadRef source, WorkloadRef destination) {
  static final Comparator<Pair> BY_LABEL = Comparator.comparing(Pair::label);

  public String label() {
    return source.namespace()
        + "/"
        + source.name()
        + " -> "
        + destination.namespace()
        + "/"
        + destination.name();
  }
}
