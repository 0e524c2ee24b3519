package dev.zonecost.render;

import dev.zonecost.accounting.Locality;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;

/**
 * The footer shared by the table, Markdown and HTML: one plain sentence of what the report says,
 * then one line of how the numbers were made.
 */
final class Footer {
  private Footer() {}

  static String summary(ReportMetadata md, Report report) {
    return plain(md, report) + "\n" + how(md);
  }

  /**
   * What the report says, in a sentence: the window, what crossed, what it cost, what is unknown.
   */
  static String plain(ReportMetadata md, Report report) {
    long all = report.totals().all();
    long cross = report.totals().of(Locality.CROSS_ZONE);
    long unknown = report.totals().of(Locality.UNKNOWN_ZONE);
    return "From "
        + md.start()
        + " to "
        + md.end()
        + (md.edges().clipped()
            ? " (clipped: the data starts there; asked from " + md.edges().requestedStart() + ")"
            : "")
        + ": "
        + HumanUnits.bytes(cross)
        + " of "
        + HumanUnits.bytes(all)
        + " crossed zones, costing "
        + CostText.human(report.cost().windowCost(), report.cost().currency())
        + "; "
        + HumanUnits.bytes(unknown)
        + " ("
        + HumanUnits.percent(report.totals().share(Locality.UNKNOWN_ZONE))
        + ") could not be placed in a zone"
        + (md.algorithm().equals("recording-rules")
            ? ". Approximate: read from recording rules."
            : ".");
  }

  /** How the numbers were made, for whoever checks them. */
  static String how(ReportMetadata md) {
    return "how: "
        + (md.algorithm().equals("recording-rules")
            ? "from recording rules (approximate)"
            : "the " + md.algorithm() + " read whole (exact, no sampling step)")
        + " | dedupe "
        + md.dedupe()
        + (md.dataAggregationLevel().equals("n/a")
            ? ""
            : " | Retina aggregation level " + md.dataAggregationLevel())
        + " | zones from "
        + md.zoneSource();
  }

  /** How a note is printed in the table: actions as "to do: …", the rest as "note: …". */
  static String line(String note) {
    return note.startsWith(ReportMetadata.TO_DO) ? note : "note: " + note;
  }
}
