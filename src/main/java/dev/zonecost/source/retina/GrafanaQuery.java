package dev.zonecost.source.retina;

import static dev.zonecost.promql.PromqlStrings.quote;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.source.QueryPlan;
import dev.zonecost.source.QuerySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained expression for a Grafana panel: the pod → node → zone join done in PromQL over
 * {@code $__range}. It is an approximation of {@code report} and {@link #caveats()} says where.
 */
public final class GrafanaQuery {
  private static final String HASH = "(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}";

  private GrafanaQuery() {}

  /**
   * @param plan supplies the Retina selector (direction, selection, metric name) and names; its
   *     window is not used: the panel's {@code $__range} is
   */
  public static String expression(QueryPlan plan, DedupeMode dedupe, DataAggregationLevel level) {
    // auto in one expression: the server nodes' INGRESS series, which hold every pod pair that
    // crosses nodes (and so every cross-zone byte) whether the client called a pod or a Service.
    String selector = dedupe == DedupeMode.AUTO ? ingressOnly(plan) : plan.forwardSelector();
    String zoneLabel = plan.settings().names().zoneLabel();
    String joined =
        "increase("
            + selector
            + "[$__range])\n"
            + "  * on (source_namespace, source_podname, source_ip) group_left (source_zone)\n"
            + podZones("source", zoneLabel)
            + "\n  * on (destination_namespace, destination_podname, destination_ip)"
            + " group_left (destination_zone)\n"
            + podZones("destination", zoneLabel);
    String rolled = rollUp(rollUp(joined, "source"), "destination");
    String divisor = dedupe == DedupeMode.NONE || level == DataAggregationLevel.HIGH ? "" : " / 2";
    return "sum by (source_namespace, source_workload, source_zone,"
        + " destination_namespace, destination_workload, destination_zone) (\n"
        + rolled
        + "\n)"
        + divisor;
  }

  private static String ingressOnly(QueryPlan plan) {
    QuerySettings s = plan.settings();
    return new QueryPlan(
            new QuerySettings(
                s.start(),
                s.end(),
                DedupeMode.INGRESS.directionRegex(),
                s.selection(),
                s.names(),
                s.leftOpenRanges(),
                s.lookBehind(),
                s.source()))
        .forwardSelector();
  }

  /** Each pod incarnation's zone over the range, with its labels renamed for one side. */
  private static String podZones(String side, String zoneLabel) {
    String pods =
        "max by (namespace, pod, pod_ip, node) (max_over_time(kube_pod_info[$__range]))"
            + " * on (node) group_left (zone) label_replace(max by (node, "
            + zoneLabel
            + ") (max_over_time(kube_node_labels[$__range])), \"zone\", \"$1\", \""
            + zoneLabel
            + "\", \"(.+)\")";
    String[][] renames = {
      {"namespace", "namespace"}, {"podname", "pod"}, {"ip", "pod_ip"}, {"zone", "zone"}
    };
    String expr = pods;
    for (String[] r : renames) {
      expr =
          "label_replace("
              + expr
              + ", \""
              + side
              + "_"
              + r[0]
              + "\", \"$1\", \""
              + r[1]
              + "\", \"(.*)\")";
    }
    return "    " + expr;
  }

  /** {@code <side>_workload}: the ReplicaSet name without its pod-template hash. */
  private static String rollUp(String expr, String side) {
    String copy =
        "label_replace("
            + expr
            + ", \""
            + side
            + "_workload\", \"$1\", \""
            + side
            + "_workload_name\", \"(.*)\")";
    return "label_replace("
        + copy
        + ", \""
        + side
        + "_workload\", \"$1\", \""
        + side
        + "_workload_name\", "
        + quote(HASH)
        + ")";
  }

  /** Where the panel is less exact than {@code zonecost report}. */
  public static List<String> caveats(DataAggregationLevel level, DedupeMode dedupe) {
    List<String> c = new ArrayList<>();
    if (dedupe == DedupeMode.AUTO) {
      c.add(
          "auto as one expression reads the server nodes' INGRESS series only: exact for every"
              + " pair across nodes (all cross-zone bytes), but pod-IP pairs on one node (EGRESS"
              + " only) are missing and Service pairs on one node are halved at level low");
    }
    c.add("increase() extrapolates to the range's edges (report does not): expect 0.5-1% off");
    c.add(
        "pods unknown to kube-state-metrics and external peers drop out of the join instead of"
            + " showing as unknown-zone; nodes without zone label show an empty zone");
    c.add(
        "ReplicaSets are rolled up by stripping the pod-template hash, not via"
            + " kube_replicaset_owner");
    if (level == DataAggregationLevel.HIGH) {
      c.add("level high: pods on one node are counted twice (report halves them)");
    }
    return c;
  }
}
