package dev.zonecost.advise;

import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import dev.zonecost.engine.EndpointTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link NodeInput} per Service from the rows of a report whose clients are named by their node
 * ({@code Places.clientNodes}) and the nodes of the Service's ready endpoints in a segment.
 */
final class ClientNodes {
  private ClientNodes() {}

  private record NodeZone(String node, String zone) implements Comparable<NodeZone> {
    @Override
    public int compareTo(NodeZone o) {
      int c = node.compareTo(o.node);
      return c != 0 ? c : zone.compareTo(o.zone);
    }
  }

  /** Per Service ({@code namespace/name}), its clients' bytes per node and zone in {@code rows}. */
  static Map<String, NodeInput> of(
      List<TrafficRow> rows, EndpointTimeline t, StepSegments.Segment seg) {
    Map<String, Map<NodeZone, long[]>> bytes = new TreeMap<>();
    for (TrafficRow r : rows) {
      boolean toService = r.key().destination().kind().equals("Service");
      if (!toService && !r.key().source().kind().equals("Service")) {
        continue;
      }
      WorkloadRef svc = toService ? r.key().destination() : r.key().source();
      WorkloadRef client = toService ? r.key().source() : r.key().destination();
      String zone = toService ? r.key().sourceZone() : r.key().destinationZone();
      String other = toService ? r.key().destinationZone() : r.key().sourceZone();
      if (Zones.isUnknown(zone)) {
        continue;
      }
      String node = client.kind().equals("Node") ? client.name() : "";
      long[] b =
          bytes
              .computeIfAbsent(svc.namespace() + "/" + svc.name(), k -> new TreeMap<>())
              .computeIfAbsent(new NodeZone(node, zone), k -> new long[2]);
      b[0] += r.bytes();
      if (!Zones.isUnknown(other) && !other.equals(zone)) {
        b[1] += r.bytes();
      }
    }
    Map<String, NodeInput> out = new TreeMap<>();
    bytes.forEach(
        (svc, perNode) -> {
          List<NodeInput.Client> clients = new ArrayList<>();
          perNode.forEach(
              (k, b) -> clients.add(new NodeInput.Client(k.node(), k.zone(), b[0], b[1])));
          TreeSet<String> nodes = new TreeSet<>();
          boolean named = true;
          for (int i = seg.from(); i <= seg.to(); i++) {
            Map<String, Integer> at = t.nodesAt(svc, i);
            nodes.addAll(at.keySet());
            named &= !at.containsKey("");
          }
          nodes.remove("");
          out.put(svc, new NodeInput(clients, nodes, named));
        });
    return out;
  }
}
