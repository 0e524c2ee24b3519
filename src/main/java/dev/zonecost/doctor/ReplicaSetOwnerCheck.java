package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeries;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Scope;

/** Is kube_replicaset_owner there, for rolling ReplicaSets up to their Deployment. */
public final class ReplicaSetOwnerCheck implements Check {
  public static final String NAME = "replicaset owners";

  public static String query(Scope scope, String range) {
    return countSeries(scope.selector(LabelNames.REPLICASET_OWNER), range);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    long n = ctx.number(query(ctx.scope(), ctx.range()));
    if (n == 0) {
      return CheckResult.warn(
          NAME,
          "no kube_replicaset_owner series: ReplicaSets roll up to Deployments by name only"
              + " (pod-template hash stripped)",
          Fixes.KSM_REPLICASETS);
    }
    return CheckResult.ok(NAME, n + " series: ReplicaSets roll up to their Deployments");
  }
}
