package dev.zonecost.accounting;

/**
 * One end of an observed pod pair, as a byte source names it: the pod (cluster, namespace, name,
 * IP), its first owner (kind and name, e.g. a ReplicaSet), and the zone the source itself reports,
 * or empty / {@code unknown} when it reports none.
 */
public record Endpoint(PodKey pod, String workloadKind, String workloadName, String nativeZone) {}
