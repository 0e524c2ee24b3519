package dev.zonecost.accounting;

/**
 * What a report knows of ends that are not pods: whether a node is named as the node ({@link
 * NodeTraffic}) and which address ranges outside the cluster have a known zone ({@link Subnets}).
 *
 * @param clientNodes at {@link GroupBy#SERVICE}, whether the end that called a Service is named by
 *     the node it ran on ({@link NodeTraffic#node}, "" when unknown) in place of its workload: what
 *     {@code advise} needs for {@code PreferSameNode}, which routes by the client's node
 */
public record Places(NodeTraffic nodeTraffic, Subnets subnets, boolean clientNodes) {
  /** Nodes named, no subnets. */
  public static final Places DEFAULT = new Places(NodeTraffic.NAME, Subnets.NONE);

  /** Clients named by their workload. */
  public Places(NodeTraffic nodeTraffic, Subnets subnets) {
    this(nodeTraffic, subnets, false);
  }
}
