package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeriesBy;

import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.promql.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Do the observed pods fit Retina's eBPF filter map. Every agent's map holds the IPs of all pods in
 * the observed namespaces ({@code filterMapMaxEntries}, 255 by default in Retina v1.2.6); past it,
 * the traffic of the pods left out is silently not counted (commit bd314cbd, issue #2085). The
 * observed namespaces are those Retina's series name; their pods come from {@code kube_pod_info}.
 * Host-network pods are not counted: Retina's pod controller skips them (v1.2.6
 * pkg/controllers/daemon/pod/controller.go, {@code if pod.Spec.HostNetwork}), so they take no
 * entry; kube-state-metrics v2 labels them {@code host_network="true"} (older ones have no such
 * label).
 */
public final class FilterMapCheck implements Check {
  public static final String NAME = "filter map";

  /** WARN from this share of the map: a rollout can double a Deployment's pods for a while. */
  public static final double WARN_FROM = 0.8;

  public static String namespaces(Scope scope, String range) {
    return countSeriesBy(
        "source_namespace",
        scope.counter(
            "source_namespace!=\"\",source_namespace!=\"unknown\",source_podname!=\"unknown\""),
        range);
  }

  public static String pods(Scope scope, List<String> namespaces) {
    List<String> alt = new ArrayList<>();
    namespaces.forEach(n -> alt.add(PromqlStrings.regexLiteral(n)));
    return "count(max by (namespace, pod) ("
        + scope.selector(
            LabelNames.POD_INFO,
            "namespace=~" + PromqlStrings.quote(String.join("|", alt)) + ", host_network!=\"true\"")
        + "))";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaPairs()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_PAIRS);
    }
    List<String> ns = new ArrayList<>();
    for (Series s : ctx.query(namespaces(ctx.scope(), ctx.range()))) {
      ns.add(s.label("source_namespace"));
    }
    if (ns.isEmpty()) {
      return CheckResult.info(NAME, "not measured: no observed namespace on Retina's series");
    }
    long pods = ctx.number(pods(ctx.scope(), ns));
    int limit = ctx.filterMapMaxEntries;
    double share = (double) pods / limit;
    String measured =
        String.format(
            Locale.ROOT,
            "%d pods in the %d observed namespaces at the window's end, filterMapMaxEntries %d"
                + " (%.0f%% full)",
            pods,
            ns.size(),
            limit,
            100 * share);
    String fix =
        String.format(
            Locale.ROOT,
            "set the Retina Helm value filterMapMaxEntries above the observed pods at their peak"
                + " (e.g. %d; examples/retina-values.yaml) and pass it to doctor with"
                + " --filter-map-max-entries",
            Math.max(4096, Long.highestOneBit(Math.max(1, pods) * 2) * 2));
    CheckResult r;
    if (pods > limit) {
      r =
          CheckResult.fail(
              NAME,
              measured
                  + ": the traffic of about "
                  + (pods - limit)
                  + " pods is silently not counted",
              fix);
    } else if (share >= WARN_FROM) {
      r = CheckResult.warn(NAME, measured + ": a rollout can overflow it", fix);
    } else {
      r = CheckResult.ok(NAME, measured);
    }
    return r.with("observedPods", pods)
        .with("observedNamespaces", (long) ns.size())
        .with("filterMapMaxEntries", (long) limit)
        .hint(FixHint.RETINA_FILTER_MAP);
  }
}
