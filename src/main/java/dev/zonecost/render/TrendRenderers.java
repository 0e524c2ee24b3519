package dev.zonecost.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.common.UsageException;
import dev.zonecost.report.Bucket;
import dev.zonecost.report.Report;
import dev.zonecost.report.Trend;
import dev.zonecost.time.TimeParsing;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * The views of {@code report --every}: the window's report as usual plus its buckets. CSV prints
 * the buckets' rows with a {@code bucket_start} column appended; JSON adds {@code buckets} and one
 * {@code series} per row key; the table adds a per-bucket summary; HTML its trend chart.
 */
public final class TrendRenderers {
  public static final String BUCKET_START = "bucket_start";

  private TrendRenderers() {}

  public static Renderer of(OutputFormat format, Trend trend, boolean headers, boolean color) {
    return switch (format) {
      case CSV -> (report, out) -> csv(report, trend, headers, out);
      case JSON -> (report, out) -> json(report, trend, out);
      case TABLE -> (report, out) -> table(report, trend, headers, color, out);
      case HTML -> new HtmlRenderer(trend);
      default ->
          throw new UsageException(
              "--every goes with -o table, csv, json or html, not "
                  + format.name().toLowerCase(java.util.Locale.ROOT));
    };
  }

  private static void csv(Report report, Trend trend, boolean headers, Writer out)
      throws IOException {
    GroupBy g = report.metadata().groupBy();
    boolean byCluster = report.metadata().byCluster();
    List<String> header = new ArrayList<>(Columns.csv(g, byCluster));
    header.add(BUCKET_START);
    CSVPrinter printer = CsvRenderer.printer(out, headers, header);
    for (Bucket b : trend.buckets()) {
      for (TrafficRow r : b.rows()) {
        List<Object> cells = new ArrayList<>();
        Columns.keyCells(g, byCluster, r.key()).forEach(c -> cells.add(CsvRenderer.cell(c)));
        cells.addAll(
            List.of(
                CsvRenderer.cell(r.key().sourceZone()),
                CsvRenderer.cell(r.key().destinationZone()),
                r.locality().label(),
                r.bytes(),
                CostText.data(b.costOf(r)),
                CsvRenderer.cell(report.cost().currency()),
                b.start().toString()));
        printer.printRecord(cells);
      }
    }
    printer.flush();
  }

  private static void json(Report report, Trend trend, Writer out) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonRenderer window = new JsonRenderer(mapper);
    ObjectNode root = window.tree(report);
    ObjectNode t = root.putObject("trend");
    t.put("every", TimeParsing.format(trend.every()));
    t.put("everySeconds", trend.every().toSeconds());
    t.put("straddlingBytes", trend.straddlingBytes());
    t.put(
        "straddlingNote",
        "each bucket is exact by itself; their sum is the window's bytes less the increments"
            + " that straddle bucket edges");
    ObjectNode sum = t.putObject("bucketTotals");
    for (Locality l : Locality.values()) {
      sum.put(l.label(), trend.bucketTotals().of(l));
    }
    sum.put("all", trend.bucketTotals().all());
    sum.put("cost", CostText.data(trend.bucketCost()));
    ArrayNode buckets = t.putArray("buckets");
    for (Bucket b : trend.buckets()) {
      ObjectNode o = buckets.addObject();
      o.put("start", b.start().toString());
      o.put("end", b.end().toString());
      for (Locality l : Locality.values()) {
        o.put(l.label(), b.totals().of(l));
      }
      o.put("all", b.totals().all());
      o.put(Columns.COST, CostText.data(b.cost()));
    }
    GroupBy g = report.metadata().groupBy();
    boolean byCluster = report.metadata().byCluster();
    List<String> keys = Columns.keys(g, byCluster);
    ArrayNode series = t.putArray("series");
    for (Trend.PairSeries s : trend.series()) {
      ObjectNode o = series.addObject();
      List<String> cells = Columns.keyCells(g, byCluster, s.key());
      for (int i = 0; i < keys.size(); i++) {
        o.put(keys.get(i), cells.get(i));
      }
      o.put(Columns.SOURCE_ZONE, s.key().sourceZone());
      o.put(Columns.DESTINATION_ZONE, s.key().destinationZone());
      o.put(Columns.LOCALITY, s.key().locality().label());
      ArrayNode bytes = o.putArray("bytes");
      s.bytes().forEach(bytes::add);
      ArrayNode cost = o.putArray(Columns.COST);
      s.cost().forEach(c -> cost.add(CostText.data(c)));
    }
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    out.write('\n');
    out.flush();
  }

  private static void table(Report report, Trend trend, boolean headers, boolean color, Writer out)
      throws IOException {
    new TableRenderer(headers, false, color).render(report, out);
    out.write("\nevery " + TimeParsing.format(trend.every()) + ":\n");
    TextTable t = new TextTable(new boolean[] {false, true, true, true, true, true});
    if (headers) {
      t.row(
          "BUCKET START",
          "SAME-ZONE",
          "CROSS-ZONE",
          "UNKNOWN-ZONE",
          "CROSS SHARE",
          "COST (" + report.cost().currency() + ")");
    }
    for (Bucket b : trend.buckets()) {
      t.row(
          b.start().toString(),
          HumanUnits.bytes(b.totals().sameZone()),
          HumanUnits.bytes(b.totals().crossZone()),
          HumanUnits.bytes(b.totals().unknownZone()),
          HumanUnits.percent(b.totals().share(Locality.CROSS_ZONE)),
          CostText.human(b.cost(), report.cost().currency()));
    }
    out.write(t.format());
    out.write(
        "buckets are each exact; together they miss "
            + HumanUnits.bytes(Math.max(0, trend.straddlingBytes()))
            + " ("
            + trend.straddlingBytes()
            + " bytes) of increments straddling bucket edges\n");
    out.flush();
  }
}
