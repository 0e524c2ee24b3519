package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.maxBy;
import static dev.zonecost.promql.RangeFunctions.over;

import dev.zonecost.engine.SeriesValidator;
import dev.zonecost.prometheus.MalformedResponseException;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Scope;

/**
 * Would a report refuse this data: a Retina series twice with the same labels, a value that no byte
 * counter has (NaN, an infinity, a negative, above 2^53), or a node with two zones in {@code
 * kube_node_labels}. The same checks as the report's, on the window's largest and smallest values.
 */
public final class DataSanityCheck implements Check {
  public static final String NAME = "data sanity";

  public static String largest(Scope scope, String range) {
    return over("max_over_time", scope.counter(), range);
  }

  public static String smallest(Scope scope, String range) {
    return over("min_over_time", scope.counter(), range);
  }

  public static String nodeZones(Scope scope, String range) {
    return maxBy(
        scope.clusterLabel() + ", " + scope.nodeZoneLabels(),
        scope.selector(LabelNames.NODE_LABELS),
        range);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaSeries()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_SERIES);
    }
    try {
      for (String q :
          new String[] {
            largest(ctx.scope(), ctx.range()),
            smallest(ctx.scope(), ctx.range()),
            nodeZones(ctx.scope(), ctx.range())
          }) {
        SeriesValidator.check(q, ctx.query(q), ctx.answerNames());
      }
    } catch (MalformedResponseException e) {
      return CheckResult.fail(
          NAME,
          e.getMessage().replaceFirst("^refusing the back end's answer: it holds ", ""),
          "a report refuses this data (exit 4): fix the source (a store that merges replicas"
              + " without deduplication, a broken exporter, a relabelled node) or pick a window"
              + " without it");
    }
    return CheckResult.ok(
        NAME, "no duplicated series, no NaN, infinite, negative or huge values, one zone per node");
  }
}
