package dev.zonecost.promql;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's names ({@code --metric}, {@code --zone-label}, {@code --cluster-label}) and the one
 * cluster to read ({@code --cluster}, null for all): every selector a query builder makes names the
 * metric as the user's set-up does and carries the cluster matcher first, so no query is edited
 * after it is built.
 */
public record Scope(MetricNames names, String cluster) {
  /** The usual names, every cluster. */
  public static final Scope ALL = new Scope(MetricNames.DEFAULT, null);

  public String clusterLabel() {
    return names.clusterLabel();
  }

  public String zoneLabel() {
    return names.zoneLabel();
  }

  /** The labels that place a node: its name, its zone label and the legacy one. */
  public String nodeZoneLabels() {
    return "node, " + zoneLabel() + ", " + LabelNames.LEGACY_ZONE_LABEL;
  }

  /** Retina's counter under the user's name, with {@code matchers} (raw text, may be empty). */
  public String counter(String matchers) {
    return selector(names.forwardBytes(), matchers);
  }

  /** Retina's counter under the user's name, in the cluster. */
  public String counter() {
    return counter("");
  }

  /** {@code metric} in the cluster. */
  public String selector(String metric) {
    return selector(metric, "");
  }

  /**
   * {@code metric{cluster="…", matchers}}: the cluster matcher first, then {@code matchers} as
   * written (raw PromQL text, possibly several matchers); no braces when both are empty.
   */
  public String selector(String metric, String matchers) {
    List<String> m = new ArrayList<>();
    Matchers.add(m, names.clusterLabel() + "=", cluster);
    if (!matchers.isEmpty()) {
      m.add(matchers);
    }
    return metric + Matchers.braces(m);
  }
}
