package dev.zonecost.render;

import dev.zonecost.accounting.Locality;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;

/** The one-line summary of how the numbers were made, shared by the table and Markdown. */
final class Footer {
  private Footer() {}

  static String summary(ReportMetadata md, Report report) {
    return "window "
        + md.start()
        + " .. "
        + md.end()
        + (md.edges().clipped() ? " (clipped: asked from " + md.edges().requestedStart() + ")" : "")
        + (md.algorithm().equals("recording-rules")
            ? " | from recording rules (approximate)"
            : " | step none (" + md.algorithm() + " form, exact)")
        + " | dedupe "
        + md.dedupe()
        + " | aggregation level "
        + md.dataAggregationLevel()
        + " | zones from "
        + md.zoneSource()
        + " | unknown "
        + HumanUnits.percent(report.totals().share(Locality.UNKNOWN_ZONE));
  }
}
