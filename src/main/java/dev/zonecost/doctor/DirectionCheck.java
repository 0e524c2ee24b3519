package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeriesBy;

import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Scope;
import java.util.Locale;
import java.util.TreeMap;

/** Which {@code direction} values appear, and which dedupe rule that implies. */
public final class DirectionCheck implements Check {
  public static final String NAME = "direction";

  public static String query(Scope scope, String range) {
    return countSeriesBy("direction", scope.counter(), range);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaSeries()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_SERIES);
    }
    TreeMap<String, Long> counts = new TreeMap<>();
    for (Series s : ctx.query(query(ctx.scope(), ctx.range()))) {
      String d = s.label(LabelNames.DIRECTION);
      counts.put(d.isEmpty() ? "(none)" : d, Math.round(s.samples().get(0).value()));
    }
    ctx.directions = java.util.List.copyOf(counts.keySet());
    StringBuilder measured = new StringBuilder();
    counts.forEach(
        (d, n) -> measured.append(measured.length() == 0 ? "" : ", ").append(d + "=" + n));
    boolean egress = has(counts, "EGRESS");
    boolean ingress = has(counts, "INGRESS");
    if (egress && !counts.containsKey("EGRESS")) {
      return CheckResult.warn(
          NAME,
          measured + " -> lower-case direction: Retina's local context",
          Fixes.RETINA_REMOTE_CONTEXT);
    }
    if (egress) {
      return CheckResult.ok(
          NAME,
          measured
              + " -> default --dedupe auto: per pod pair the server node's INGRESS, else the"
              + " opener's EGRESS, divided by the observations per byte of"
              + " --data-aggregation-level");
    }
    if (ingress) {
      return CheckResult.warn(
          NAME,
          measured + " -> no EGRESS series: same-node pairs (EGRESS only) are missing",
          "check Retina's remote-context MetricsConfiguration; --dedupe auto counts the INGRESS"
              + " series it finds");
    }
    return CheckResult.warn(
        NAME,
        measured + " -> no EGRESS/INGRESS",
        "Retina in remote context labels direction EGRESS/INGRESS; " + Fixes.RETINA_REMOTE_CONTEXT);
  }

  private static boolean has(TreeMap<String, Long> counts, String value) {
    return counts.keySet().stream().anyMatch(d -> d.toUpperCase(Locale.ROOT).equals(value));
  }
}
