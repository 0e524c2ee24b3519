package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeriesBy;

import dev.zonecost.accounting.NodeZones;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Do Retina's own zone labels (v1.2+, from the node's {@code topology.kubernetes.io/zone}) agree
 * with kube-state-metrics' (pod → node → zone). A report trusts Retina's; when they disagree one of
 * the two sources is wrong (a relabelled or mixed-up cluster, a node relabelled after the fact, a
 * scrape config that rewrites labels).
 */
public final class ZoneAgreementCheck implements Check {
  public static final String NAME = "zone agreement";

  /** How many disagreeing pods are named. */
  public static final int MAX_LISTED = 3;

  public static String retinaZones(Scope scope, String range) {
    return countSeriesBy(
        "source_namespace, source_podname, source_zone",
        scope.counter("source_zone!=\"\",source_zone!=\"unknown\",source_podname!=\"unknown\""),
        range);
  }

  public static String podNodes(Scope scope, String range) {
    return countSeriesBy("namespace, pod, node", scope.selector(LabelNames.POD_INFO), range);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.nativeZones || !ctx.nodeZones) {
      return CheckResult.info(NAME, "not measured: needs Retina's zone labels and node zones");
    }
    Map<String, String> nodeZone = new HashMap<>();
    for (Series s : ctx.query(NodeZoneCheck.query(ctx.scope(), ctx.range()))) {
      String z = NodeZones.of(s::label, LabelNames.ZONE_LABEL);
      if (!z.isEmpty()) {
        nodeZone.put(s.label("node"), z);
      }
    }
    Map<String, Set<String>> ksm = new HashMap<>();
    for (Series s : ctx.query(podNodes(ctx.scope(), ctx.range()))) {
      String z = nodeZone.get(s.label("node"));
      if (z != null) {
        ksm.computeIfAbsent(s.label("namespace") + "/" + s.label("pod"), k -> new HashSet<>())
            .add(z);
      }
    }
    Map<String, Set<String>> retina = new TreeMap<>();
    for (Series s : ctx.query(retinaZones(ctx.scope(), ctx.range()))) {
      retina
          .computeIfAbsent(
              s.label("source_namespace") + "/" + s.label("source_podname"), k -> new TreeSet<>())
          .add(s.label("source_zone"));
    }
    int compared = 0;
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : retina.entrySet()) {
      Set<String> k = ksm.get(e.getKey());
      if (k == null) {
        continue;
      }
      compared++;
      if (!k.containsAll(e.getValue())) {
        differ.add(
            e.getKey() + " Retina " + e.getValue() + ", kube-state-metrics " + new TreeSet<>(k));
      }
    }
    if (compared == 0) {
      return CheckResult.info(NAME, "no pod has a zone from both sources").with("compared", 0L);
    }
    if (differ.isEmpty()) {
      return CheckResult.ok(
              NAME, "Retina's and kube-state-metrics' zones agree for all " + compared + " pods")
          .with("compared", (long) compared)
          .with("disagreeing", 0L);
    }
    String measured =
        differ.size()
            + " of "
            + compared
            + " pods are in another zone by Retina's labels than by kube-state-metrics: "
            + String.join("; ", differ.subList(0, Math.min(MAX_LISTED, differ.size())))
            + (differ.size() > MAX_LISTED ? " and " + (differ.size() - MAX_LISTED) + " more" : "");
    String fix =
        "reports use Retina's zones: find which source is wrong (kubectl get nodes -L"
            + " topology.kubernetes.io/zone); look for relabel rules that rewrite source_zone,"
            + " destination_zone or label_topology_kubernetes_io_zone, two clusters without a"
            + " cluster label in one Prometheus, or nodes relabelled after the agents started"
            + " (restart the Retina agents on them)";
    CheckResult r =
        differ.size() * 2 > compared
            ? CheckResult.fail(NAME, measured, fix)
            : CheckResult.warn(NAME, measured, fix);
    return r.with("compared", (long) compared).with("disagreeing", (long) differ.size());
  }
}
