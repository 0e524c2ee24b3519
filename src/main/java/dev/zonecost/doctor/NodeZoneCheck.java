package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.last;

import dev.zonecost.accounting.NodeZones;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Scope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Does kube_node_labels carry each node's zone, and which nodes lack it. */
public final class NodeZoneCheck implements Check {
  public static final String NAME = "node zones";

  /** How many unlabelled nodes are named; the rest are counted. */
  public static final int MAX_LISTED = 5;

  public static String query(Scope scope, String range) {
    return "max by ("
        + scope.nodeZoneLabels()
        + ") ("
        + last(scope.selector(LabelNames.NODE_LABELS), range)
        + ")";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    Map<String, Boolean> zoned = new TreeMap<>();
    for (Series s : ctx.query(query(ctx.scope(), ctx.range()))) {
      boolean has = !NodeZones.of(s::label, LabelNames.ZONE_LABEL).isEmpty();
      zoned.merge(s.label("node"), has, Boolean::logicalOr);
    }
    if (zoned.isEmpty()) {
      return severity(
          ctx,
          "kube_node_labels: no series in the window",
          Fixes.KSM_INSTALL + "; then " + Fixes.KSM_ZONE_ALLOWLIST);
    }
    List<String> lacking =
        zoned.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    int labelled = zoned.size() - lacking.size();
    ctx.nodeZones = labelled > 0;
    if (labelled == 0) {
      return severity(
          ctx,
          "none of "
              + zoned.size()
              + " nodes has "
              + LabelNames.ZONE_LABEL
              + " (or the legacy failure-domain label)",
          Fixes.KSM_ZONE_ALLOWLIST);
    }
    String measured = labelled + " of " + zoned.size() + " nodes have a zone";
    if (lacking.isEmpty()) {
      return CheckResult.ok(NAME, measured)
          .with("nodes", (long) zoned.size())
          .with("nodesWithZone", (long) labelled);
    }
    String names = String.join(", ", lacking.subList(0, Math.min(MAX_LISTED, lacking.size())));
    if (lacking.size() > MAX_LISTED) {
      names += " and " + (lacking.size() - MAX_LISTED) + " more";
    }
    return CheckResult.warn(
            NAME,
            measured + "; without: " + names,
            "their traffic counts as unknown-zone: label those nodes (kubectl label node NODE"
                + " topology.kubernetes.io/zone=ZONE) and keep "
                + Fixes.KSM_ZONE_ALLOWLIST.substring("export the node zone label from ".length()))
        .with("nodes", (long) zoned.size())
        .with("nodesWithZone", (long) labelled)
        .hint(FixHint.KSM_ZONE_ALLOWLIST);
  }

  /** No zone from nodes is fatal unless Retina labels zones itself. */
  private static CheckResult severity(DoctorContext ctx, String measured, String fix) {
    return (ctx.nativeZones
            ? CheckResult.warn(NAME, measured + " (Retina's own zone labels are used)", fix)
            : CheckResult.fail(NAME, measured + ": no pod can be given a zone", fix))
        .hint(FixHint.KSM_ZONE_ALLOWLIST);
  }
}
