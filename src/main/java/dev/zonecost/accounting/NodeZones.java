package dev.zonecost.accounting;

import java.util.function.UnaryOperator;

/**
 * A node's zone from its kube-state-metrics labels ({@code kube_node_labels}), the one resolution
 * every reader uses: the zone label the user named (by default {@code
 * label_topology_kubernetes_io_zone}), else the older {@code failure-domain.beta} label; empty when
 * the node has neither (its pods' zone is then unknown).
 */
public final class NodeZones {
  /** kube-state-metrics' name for the legacy {@code failure-domain.beta.kubernetes.io/zone}. */
  public static final String LEGACY_LABEL = "label_failure_domain_beta_kubernetes_io_zone";

  private NodeZones() {}

  /**
   * @param label a series' label values by name, empty when absent
   * @param zoneLabel the zone label the user named
   */
  public static String of(UnaryOperator<String> label, String zoneLabel) {
    String zone = label.apply(zoneLabel);
    return zone == null || zone.isEmpty() ? orEmpty(label.apply(LEGACY_LABEL)) : zone;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
