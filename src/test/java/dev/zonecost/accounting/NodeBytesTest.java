package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per node, the bytes its network sent and received once per byte, by locality ({@code reconcile}):
 * a pod's bytes are its node's, a node end's are the node's own, an outside end has no node; the
 * same pair's bytes are on the sender's node as out and the receiver's as in.
 */
class NodeBytesTest {
  private static final String N1_IP = "10.0.1.5";
  private static final String N2_IP = "10.0.2.5";
  private static final String CLIENT = "client-6d4cf56db6-aaaaa";
  private static final String SERVER = "server-7f9c5d8b4-bbbbb";
  private static final String PEER = "server-7f9c5d8b4-ccccc";

  private static PodDirectory directory() {
    PodDirectory d = new PodDirectory();
    d.addNode("", "n1", "a");
    d.addNode("", "n2", "b");
    d.addNode("", "n3", "a");
    d.addNodeAddress("", N1_IP, "n1");
    d.addNodeAddress("", N2_IP, "n2");
    d.addPod(new PodKey("", "app", CLIENT, "10.0.11.1"), "n1");
    d.addPod(new PodKey("", "app", SERVER, "10.0.21.1"), "n2");
    d.addPod(new PodKey("", "app", PEER, "10.0.31.1"), "n3");
    return d;
  }

  private static Observation series(
      String dir, String srcPod, String srcIp, String dstPod, String dstIp, String agent, long b) {
    return NodeEndsTest.series(dir, srcPod, srcIp, dstPod, dstIp, agent, b);
  }

  @Test
  void should_put_each_byte_on_the_sending_and_the_receiving_node_by_locality() {
    TrafficAggregator a =
        new TrafficAggregator(
            directory(),
            new WorkloadResolver(),
            DedupeMode.AUTO,
            DataAggregationLevel.HIGH,
            (s, d) -> true,
            GroupBy.WORKLOAD,
            false,
            Places.DEFAULT);
    // client (n1, a) -> server (n2, b): the server's node's INGRESS, request and reply
    a.add(series("INGRESS", CLIENT, "10.0.11.1", SERVER, "10.0.21.1", "n2", 1000));
    a.add(series("INGRESS", SERVER, "10.0.21.1", CLIENT, "10.0.11.1", "n2", 300));
    // client (n1, a) -> peer (n3, a): same zone
    a.add(series("INGRESS", CLIENT, "10.0.11.1", PEER, "10.0.31.1", "n3", 50));
    // the server to the outside, once (EGRESS, no masqueraded copy)
    a.add(series("EGRESS", SERVER, "10.0.21.1", null, "203.0.113.9", "n2", 70));
    // node n1 itself (a host-network client) to the server on n2: the pod's node's INGRESS
    a.add(series("INGRESS", null, N1_IP, SERVER, "10.0.21.1", "n2", 9));
    Map<String, NodeBytes> byNode = a.result().byNode();
    assertEquals(new NodeBytes(50, 1000 + 9, 0, 0, 300, 0), byNode.get("n1"));
    assertEquals(new NodeBytes(0, 300, 70, 0, 1000 + 9, 0), byNode.get("n2"));
    assertEquals(new NodeBytes(0, 0, 0, 50, 0, 0), byNode.get("n3"));
    assertEquals(3, byNode.size());
  }
}
