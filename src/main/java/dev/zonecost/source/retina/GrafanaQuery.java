package dev.zonecost.source.retina;

import static dev.zonecost.promql.PromqlStrings.quote;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.source.QueryPlan;
import dev.zonecost.source.QuerySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One self-contained expression for a Grafana panel: the pod → node → zone join done in PromQL over
 * {@code $__range}. It is an approximation of {@code report} and {@link #caveats()} says where.
 */
public final class GrafanaQuery {
  private static final String HASH = "(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}";

  private GrafanaQuery() {}

  /**
   * The expression over the panel's {@code $__range}.
   *
   * @param plan supplies the Retina selector (direction, selection, metric name) and names; its
   *     window is not used: the panel's {@code $__range} is
   */
  public static String expression(QueryPlan plan, DedupeMode dedupe, DataAggregationLevel level) {
    return over(plan, dedupe, level, "$__range");
  }

  /**
   * The per-pair bytes over {@code range} (a PromQL duration or a Grafana variable), by {@code
   * increase()}: it extrapolates to the range's edges.
   */
  public static String over(
      QueryPlan plan, DedupeMode dedupe, DataAggregationLevel level, String range) {
    return pairs(plan, dedupe, level, sel -> "increase(" + sel + "[" + range + "])", range);
  }

  /**
   * The per-pair bytes over consecutive steps of {@code step} that tile time: each step's value
   * difference {@code x - x offset step} where it is not negative, else {@code x} (a reset), as in
   * DESIGN §3's reference algorithm; unlike {@code increase()} it does not extrapolate. A series
   * counts from its second sample (the bytes before it in its first step are missed).
   */
  public static String tiled(
      QueryPlan plan, DedupeMode dedupe, DataAggregationLevel level, String step) {
    return pairs(
        plan,
        dedupe,
        level,
        x ->
            "(("
                + x
                + " - "
                + x
                + " offset "
                + step
                + ") >= 0 or ("
                + x
                + " and "
                + x
                + " offset "
                + step
                + "))",
        step);
  }

  /**
   * @param bytes the counter's bytes for its selector
   * @param range the range the pods' and nodes' kube-state-metrics are read over
   */
  private static String pairs(
      QueryPlan plan,
      DedupeMode dedupe,
      DataAggregationLevel level,
      UnaryOperator<String> bytes,
      String range) {
    // auto in one expression: the server nodes' INGRESS series, which hold every pod pair that
    // crosses nodes (and so every cross-zone byte) whether the client called a pod or a Service.
    String selector = dedupe == DedupeMode.AUTO ? ingressOnly(plan) : plan.forwardSelector();
    String zoneLabel = plan.settings().names().zoneLabel();
    String joined =
        bytes.apply(selector)
            + "\n"
            + "  * on (source_namespace, source_podname, source_ip) group_left (source_zone)\n"
            + podZones("source", zoneLabel, range)
            + "\n  * on (destination_namespace, destination_podname, destination_ip)"
            + " group_left (destination_zone)\n"
            + podZones("destination", zoneLabel, range);
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
  private static String podZones(String side, String zoneLabel, String range) {
    String pods =
        "max by (namespace, pod, pod_ip, node) (max_over_time(kube_pod_info["
            + range
            + "]))"
            + " * on (node) group_left (zone) label_replace(max by (node, "
            + zoneLabel
            + ") (max_over_time(kube_node_labels["
            + range
            + "])), \"zone\", \"$1\", \""
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
