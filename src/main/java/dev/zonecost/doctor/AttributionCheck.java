package dev.zonecost.doctor;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.engine.EngineResult;
import dev.zonecost.engine.TrafficEngine;
import java.util.List;
import java.util.Locale;

/**
 * The share of the window's bytes a report can attribute to a zone: 1 − unknown/all, computed by
 * the report engine itself (default dedupe), so it is exactly what {@code report} would show.
 */
public final class AttributionCheck implements Check {
  public static final String NAME = "zone coverage";

  /**
   * Below this share, most bytes would be unknown-zone: the same/cross split says little about the
   * cluster, so the report is not worth reading until the set-up is fixed.
   */
  public static final double FAIL_BELOW = 0.5;

  /**
   * Below this share, the unknown part can still move the cross-zone cost by more than a tenth:
   * usable, but fix the nodes or pods that lack zones.
   */
  public static final double WARN_BELOW = 0.9;

  @Override
  public CheckResult run(DoctorContext ctx) {
    boolean other = ctx.readsOtherSource() && ctx.sourcesFound.contains(ctx.readSource());
    if (!ctx.hasRetinaPairs() && !other) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_PAIRS);
    }
    if (!other && !ctx.nativeZones && !ctx.nodeZones) {
      return CheckResult.info(NAME, "not measured: no zone anywhere");
    }
    EngineResult result =
        new TrafficEngine(ctx.api(), ctx.parallelism()).run(ctx.engineRequest(GroupBy.WORKLOAD));
    ctx.provenance = result.stats().provenance();
    return judge(result.rows());
  }

  /** The verdict for the engine's rows. */
  public static CheckResult judge(List<TrafficRow> rows) {
    long all = 0;
    long unknown = 0;
    for (TrafficRow r : rows) {
      all += r.bytes();
      if (r.locality() == Locality.UNKNOWN_ZONE) {
        unknown += r.bytes();
      }
    }
    if (all == 0) {
      return CheckResult.warn(
          NAME, "no bytes in the window", "pick a window with traffic (--since, --start/--end)");
    }
    double share = 1.0 - (double) unknown / all;
    String measured =
        String.format(
            Locale.ROOT,
            "%.1f%% of %d bytes attributable to a zone (%d unknown-zone)",
            100 * share,
            all,
            unknown);
    String fix =
        "unknown-zone bytes come from pods gone from kube_pod_info, nodes without a zone label,"
            + " host-network pods and external IPs: fix the node zones above; `zonecost report -o"
            + " wide` shows which pairs are unknown";
    CheckResult r;
    if (share < FAIL_BELOW) {
      r =
          CheckResult.fail(
              NAME, measured + String.format(Locale.ROOT, ", below %.0f%%", 100 * FAIL_BELOW), fix);
    } else if (share < WARN_BELOW) {
      r =
          CheckResult.warn(
              NAME, measured + String.format(Locale.ROOT, ", below %.0f%%", 100 * WARN_BELOW), fix);
    } else {
      r = CheckResult.ok(NAME, measured);
    }
    return r.with("bytes", all).with("unknownZoneBytes", unknown).with("attributableShare", share);
  }
}
