package dev.zonecost.advise;

import java.util.List;
import java.util.Set;

/**
 * What {@code PreferSameNode} reads of one Service in one stretch of the window: its clients' bytes
 * per node, and the nodes with a ready endpoint.
 *
 * @param clients per client node with a zone, what its clients moved through the Service
 * @param endpointNodes the nodes with a ready endpoint of the Service
 * @param everyEndpointNamed whether every ready endpoint names its node (so carries a node hint)
 */
public record NodeInput(
    List<Client> clients, Set<String> endpointNodes, boolean everyEndpointNamed) {
  /** No node data: every client falls back to the zone rule. */
  public static final NodeInput NONE = new NodeInput(List.of(), Set.of(), false);

  public NodeInput {
    clients = List.copyOf(clients);
    endpointNodes = Set.copyOf(endpointNodes);
  }

  /**
   * One client node.
   *
   * @param node the node's name ("" when unknown)
   * @param zone the node's zone
   * @param clientBytes what its clients moved through the Service
   * @param crossBytes the part of it that crossed zones
   */
  public record Client(String node, String zone, long clientBytes, long crossBytes) {}
}
