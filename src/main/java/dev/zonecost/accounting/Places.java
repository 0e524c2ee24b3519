package dev.zonecost.accounting;

/**
 * What a report knows of ends that are not pods: whether a node is named as the node ({@link
 * NodeTraffic}) and which address ranges outside the cluster have a known zone ({@link Subnets}).
 */
public record Places(NodeTraffic nodeTraffic, Subnets subnets) {
  /** Nodes named, no subnets. */
  public static final Places DEFAULT = new Places(NodeTraffic.NAME, Subnets.NONE);
}
