package dev.zonecost.render;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.common.MarkupText;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** GitHub-flavoured Markdown for CI job summaries and pull-request comments. */
public final class MarkdownRenderer implements Renderer {
  @Override
  public void render(Report report, Writer out) throws IOException {
    ReportMetadata md = report.metadata();
    StringBuilder sb = new StringBuilder();
    sb.append("## zonecost: traffic by zone, ")
        .append(md.start())
        .append(" .. ")
        .append(md.end())
        .append("\n\n");
    sb.append("| locality | bytes | share |\n| --- | ---: | ---: |\n");
    for (Locality l : Locality.values()) {
      sb.append("| ")
          .append(l.label())
          .append(" | ")
          .append(HumanUnits.bytes(report.totals().of(l)))
          .append(" | ")
          .append(HumanUnits.percent(report.totals().share(l)))
          .append(" |\n");
    }
    sb.append("| **all** | **")
        .append(HumanUnits.bytes(report.totals().all()))
        .append("** | |\n\n");
    for (String line : CostText.summaryLines(report.cost())) {
      sb.append("- ").append(line).append('\n');
    }
    sb.append('\n');

    sb.append("| source | destination | from zone | to zone | locality | bytes | cost |\n");
    sb.append("| --- | --- | --- | --- | --- | ---: | ---: |\n");
    for (TrafficRow r : report.rows()) {
      sb.append("| ")
          .append(cell(Columns.display(md.groupBy(), r.key().source())))
          .append(" | ")
          .append(cell(Columns.display(md.groupBy(), r.key().destination())))
          .append(" | ")
          .append(cell(r.key().sourceZone()))
          .append(" | ")
          .append(cell(r.key().destinationZone()))
          .append(" | ")
          .append(r.locality().label())
          .append(" | ")
          .append(r.bytes())
          .append(" | ")
          .append(CostText.human(report.costOf(r), report.cost().currency()))
          .append(" |\n");
    }
    List<String> zones = report.zones().zones();
    if (!zones.isEmpty()) {
      sb.append("\n| from \\ to |");
      zones.forEach(z -> sb.append(' ').append(cell(z)).append(" |"));
      sb.append(" cost |\n| --- |");
      zones.forEach(z -> sb.append(" ---: |"));
      sb.append(" ---: |\n");
      for (String src : zones) {
        sb.append("| ").append(cell(src)).append(" |");
        for (String dst : zones) {
          sb.append(' ').append(HumanUnits.bytes(report.zones().cell(src, dst))).append(" |");
        }
        sb.append(' ')
            .append(CostText.human(report.costFromZone(src), report.cost().currency()))
            .append(" |\n");
      }
    }
    sb.append("\n").append(Footer.summary(md, report).replace("\n", "\n\n")).append("\n");
    for (String note : md.notesActionsFirst()) {
      sb.append("\n- ").append(note);
    }
    sb.append('\n');
    out.write(sb.toString());
    out.flush();
  }

  /** Pipes and newlines would end a table cell early. */
  /** Label values: no HTML, link, image, code or bidi override gets through (MarkupText). */
  private static String cell(String s) {
    return MarkupText.markdown(s);
  }
}
