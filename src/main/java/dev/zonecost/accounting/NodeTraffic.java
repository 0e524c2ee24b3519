package dev.zonecost.accounting;

import java.util.Locale;

/**
 * How a report books an end that is a node (an IP that is a node's, not a pod's: the kubelet, a
 * host-network pod, a node forwarding NodePort traffic): as that node, with its zone, or as
 * unknown, as reports did before nodes were places. The bytes are the same either way.
 */
public enum NodeTraffic {
  /** The node, kind {@code Node}, in the {@value #NAMESPACE} namespace, with its zone. */
  NAME,
  /** An unknown end, as Retina names it. */
  UNKNOWN;

  /** The namespace a node's rows are in (with {@code --group-by namespace}, its row). */
  public static final String NAMESPACE = "(node)";

  /** A node as a row end. */
  public static WorkloadRef node(String name) {
    return new WorkloadRef(NAMESPACE, "Node", name);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** From the option's spelling. */
  public static NodeTraffic parse(String text) {
    for (NodeTraffic n : values()) {
      if (n.label().equalsIgnoreCase(text.trim())) {
        return n;
      }
    }
    throw new dev.zonecost.common.UsageException(
        "unknown --node-traffic '" + text + "': use name or unknown");
  }
}
