package dev.zonecost.source.retina;

import static dev.zonecost.promql.PromqlStrings.quote;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.source.QueryPlan;
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
    return pairs(plan, dedupe, level, increaseBytes(range), range);
  }

  /** A counter's bytes over {@code range} by {@code increase()}, for any source. */
  public static UnaryOperator<String> increaseBytes(String range) {
    return sel -> "increase(" + sel + "[" + range + "])";
  }

  /**
   * The per-pair bytes over consecutive steps of {@code step} that tile time, as DESIGN §3's
   * reference algorithm counts them; unlike {@code increase()} it does not extrapolate. Against
   * each series' last sample before the step (within the look-behind, so a scrape gap or an expired
   * and re-created series is bridged): the difference where it is not negative, else the value (a
   * reset). A series without a sample in the look-behind counts whole when its agent had one (born
   * inside the step), else its first value is a baseline, as in {@code report}. A reset inside a
   * step is seen from the step's ends only.
   */
  public static String tiled(
      QueryPlan plan, DedupeMode dedupe, DataAggregationLevel level, String step) {
    return pairs(plan, dedupe, level, tiledBytes(plan, step), step);
  }

  /** A counter's bytes in each interval of {@code step} as {@link #tiled} counts them. */
  public static UnaryOperator<String> tiledBytes(QueryPlan plan, String step) {
    String agents = plan.agentsWithLookBehindBefore(step);
    String lookBehind = PromqlStrings.duration(plan.settings().lookBehind());
    String on = plan.settings().names().clusterLabel() + ", " + LabelNames.INSTANCE;
    return x -> {
      String before = x + " offset " + step;
      String lookedBehind = "last_over_time(" + x + "[" + lookBehind + "] offset " + step + ")";
      return "(("
          + x
          + " - "
          + before
          + ") >= 0 or ("
          + x
          + " and "
          + before
          + ") or (("
          + x
          + " unless "
          + lookedBehind
          + ") and on ("
          + on
          + ") "
          + agents
          + "))";
    };
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
    String rolled;
    String divisor = "";
    if (dedupe == DedupeMode.AUTO) {
      rolled =
          rollUp(
              rollUp(new AutoExpression(plan, level, bytes, range).perSeries(), "source"),
              "destination");
    } else {
      String zoneLabel = plan.settings().names().zoneLabel();
      String joined =
          bytes.apply(plan.forwardSelector())
              + "\n"
              + "  * on (source_namespace, source_podname, source_ip) group_left (source_zone)\n"
              + podZones("source", zoneLabel, range)
              + "\n  * on (destination_namespace, destination_podname, destination_ip)"
              + " group_left (destination_zone)\n"
              + podZones("destination", zoneLabel, range);
      rolled = rollUp(rollUp(joined, "source"), "destination");
      divisor = dedupe == DedupeMode.NONE || level == DataAggregationLevel.HIGH ? "" : " / 2";
    }
    return "sum by (source_namespace, source_workload, source_zone,"
        + " destination_namespace, destination_workload, destination_zone) (\n"
        + rolled
        + "\n)"
        + divisor;
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
          "auto follows report's table per pair (the peer node's INGRESS, else the opener's"
              + " EGRESS, divided by whether both pods ran on one node; ClusterIP series and"
              + " masqueraded copies left out; outside traffic once; node ends placed), decided"
              + " per interval rather than per window; a node end's agent is found by its"
              + " instance being the node's name, and --subnets is not applied (outside"
              + " addresses stay unknown-zone)");
    } else {
      c.add(
          "pods unknown to kube-state-metrics and external peers drop out of the join instead"
              + " of showing as unknown-zone");
      if (level == DataAggregationLevel.HIGH) {
        c.add("level high: pods on one node are counted twice (report halves them)");
      }
    }
    c.add(
        "increase() extrapolates to the range's edges (report does not): expect 0.5-1% off;"
            + " the recording rules tile time without it, but see a counter reset inside an"
            + " interval from the interval's ends only, and take a series' first interval after"
            + " a gap longer than the interval (a scrape outage, a pair Retina's TTL expired)"
            + " as a baseline");
    c.add("nodes without zone label show an empty zone");
    c.add(
        "ReplicaSets are rolled up by stripping the pod-template hash, not via"
            + " kube_replicaset_owner");
    return c;
  }
}
