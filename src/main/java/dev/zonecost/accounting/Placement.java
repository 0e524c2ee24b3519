package dev.zonecost.accounting;

/**
 * Where a pod ran: its node (empty when not known) and that node's zone ({@link Zones#UNKNOWN}).
 */
public record Placement(String node, String zone) {
  public static final Placement UNKNOWN = new Placement("", Zones.UNKNOWN);

  public boolean knowsNode() {
    return !node.isEmpty();
  }
}
