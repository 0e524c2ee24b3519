package dev.zonecost.advise;

import java.util.List;
import java.util.Map;

/**
 * Allocatable CPU per zone over the cluster's nodes (kube-state-metrics' {@code
 * kube_node_status_allocatable{resource="cpu"}} joined with the nodes' zones): what {@code
 * topology-mode: Auto} weighs zones by.
 *
 * @param known whether any allocatable CPU was seen at all
 * @param cpuByZone cores per zone, over the nodes that have both
 * @param incomplete nodes without a zone or without allocatable CPU (by name)
 */
public record NodeCapacity(boolean known, Map<String, Double> cpuByZone, List<String> incomplete) {
  public static final NodeCapacity UNKNOWN = new NodeCapacity(false, Map.of(), List.of());

  public NodeCapacity {
    cpuByZone = Map.copyOf(cpuByZone);
    incomplete = List.copyOf(incomplete);
  }
}
