package dev.zonecost.traffic;

/** A workload as users think of it: a Deployment rather than its ReplicaSet. */
public record WorkloadRef(String namespace, String kind, String name) {}
