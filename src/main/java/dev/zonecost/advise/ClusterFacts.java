package dev.zonecost.advise;

/**
 * What is true of the whole cluster.
 *
 * @param version the cluster's version ({@code --kubernetes-version}), null when not given
 * @param datapath what routes Service traffic on the nodes
 * @param nodes allocatable CPU per zone, for {@code topology-mode: Auto}
 * @param servicesFile whether a Services file said what kube-state-metrics cannot
 */
public record ClusterFacts(
    KubernetesVersion version, Datapath datapath, NodeCapacity nodes, boolean servicesFile) {}
