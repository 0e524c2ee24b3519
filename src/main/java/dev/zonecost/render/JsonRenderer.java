package dev.zonecost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.Sources;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadResolver;
import dev.zonecost.cost.CostSummary;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/** The whole model with its metadata; stable enough to serve later as a baseline. */
public final class JsonRenderer implements Renderer {
  private final ObjectMapper mapper;

  public JsonRenderer() {
    this(new ObjectMapper());
  }

  public JsonRenderer(ObjectMapper mapper) {
    // The caller owns the writer: Jackson must not close stdout.
    this.mapper =
        mapper
            .copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    mapper.writeValue(out, tree(report));
    out.write('\n');
    out.flush();
  }

  /** The document as a tree, so YAML and JSON print the same content. */
  public ObjectNode tree(Report report) {
    ObjectNode root = mapper.createObjectNode();
    ReportMetadata md = report.metadata();
    root.put("schemaVersion", md.schemaVersion());
    root.set("metadata", metadata(md));
    ObjectNode totals = root.putObject("totals");
    for (Locality l : Locality.values()) {
      totals.put(l.label(), report.totals().of(l));
    }
    totals.put("all", report.totals().all());
    totals.put("unknownShare", report.totals().share(Locality.UNKNOWN_ZONE));
    CostSummary c = report.cost();
    ObjectNode cost = root.putObject("cost");
    cost.put("provider", c.provider());
    cost.put("region", c.region());
    cost.put("currency", c.currency());
    cost.put("unit", c.unit().name());
    cost.put("rule", c.rule());
    cost.put("window", CostText.data(c.windowCost()));
    cost.put("projection30d", CostText.data(c.projected30d()));
    cost.put("projectionNote", "linear projection of the window to 30 days, not a measurement");
    cost.put("unknownUpperBound", CostText.data(c.unknownUpperBound()));
    ArrayNode rows = root.putArray("rows");
    for (TrafficRow r : report.rows()) {
      ObjectNode o = rows.addObject();
      GroupBy g = report.metadata().groupBy();
      boolean byCluster = report.metadata().byCluster();
      List<String> keys = Columns.keys(g, byCluster);
      List<String> cells = Columns.keyCells(g, byCluster, r.key());
      for (int i = 0; i < keys.size(); i++) {
        o.put(keys.get(i), cells.get(i));
      }
      if (g == GroupBy.WORKLOAD || g == GroupBy.SERVICE) {
        o.put(Columns.SOURCE_WORKLOAD_KIND, r.key().source().kind());
        o.put(Columns.DESTINATION_WORKLOAD_KIND, r.key().destination().kind());
      }
      o.put(Columns.SOURCE_ZONE, r.key().sourceZone());
      o.put(Columns.DESTINATION_ZONE, r.key().destinationZone());
      o.put(Columns.LOCALITY, r.locality().label());
      o.put(Columns.BYTES, r.bytes());
      o.put(Columns.COST, CostText.data(report.costOf(r)));
      Sources from = report.sources().get(r.key());
      if (from != null) {
        ObjectNode f =
            o.putObject("sources")
                .put("ingress", from.ingress())
                .put("egress", from.egress())
                .put("outside", from.outside());
        if (from.node() > 0) {
          f.put("node", from.node());
        }
      }
    }
    ArrayNode matrix = root.putArray("zoneMatrix");
    for (String src : report.zones().zones()) {
      for (String dst : report.zones().zones()) {
        long b = report.zones().cell(src, dst);
        if (b > 0) {
          matrix
              .addObject()
              .put(Columns.SOURCE_ZONE, src)
              .put(Columns.DESTINATION_ZONE, dst)
              .put(Columns.BYTES, b)
              .put(Columns.COST, CostText.data(report.zoneCost(src, dst)));
        }
      }
    }
    return root;
  }

  private ObjectNode metadata(ReportMetadata md) {
    ObjectNode m = mapper.createObjectNode();
    m.put("toolVersion", md.toolVersion());
    ObjectNode w = m.putObject("window");
    w.put("start", md.start().toString());
    w.put("end", md.end().toString());
    w.put("seconds", Duration.between(md.start(), md.end()).toSeconds());
    w.put("requestedStart", md.edges().requestedStart().toString());
    w.put("clipped", md.edges().clipped());
    w.put("lookBehindSeconds", md.edges().lookBehind().toSeconds());
    w.put("bornSeries", md.edges().bornSeries());
    w.put("baselineSeries", md.edges().unknowableSeries());
    if (md.calibration() != null) {
      m.putObject("calibration")
          .put(
              "observationsPerByte", Math.round(md.calibration().observationsPerByte() * 1e4) / 1e4)
          .put("pods", md.calibration().pods())
          .put("levelDivides", md.calibration().divisor())
          .put("disagrees", md.calibration().disagrees());
    }
    m.put("groupBy", md.groupBy().label());
    m.put("byCluster", md.byCluster());
    ObjectNode sel = m.putObject("selection");
    sel.put("fromNamespace", md.selection().sourceNamespaceRegex());
    sel.put("toNamespace", md.selection().destinationNamespaceRegex());
    sel.put("fromWorkload", md.selection().sourceWorkloadRegex());
    sel.put("toWorkload", md.selection().destinationWorkloadRegex());
    sel.put("excludeFromNamespace", md.selection().excludeSourceNamespaceRegex());
    sel.put("excludeToNamespace", md.selection().excludeDestinationNamespaceRegex());
    sel.put("excludeFromWorkload", md.selection().excludeSourceWorkloadRegex());
    sel.put("excludeToWorkload", md.selection().excludeDestinationWorkloadRegex());
    sel.put("cluster", md.selection().cluster());
    if (md.selection().namespaceRegex() != null) {
      sel.put("namespace", md.selection().namespaceRegex());
    }
    m.put("algorithm", md.algorithm());
    m.put("dedupe", md.dedupe());
    m.put("dataAggregationLevel", md.dataAggregationLevel());
    m.put("zoneSource", md.zoneSource());
    m.put("backendVersion", md.backendVersion());
    m.put("series", md.series());
    m.put("resetSeries", md.resetSeries());
    m.put("podPairs", md.podPairs());
    m.put("endpointsWithoutZone", md.endpointsWithoutZone());
    m.put("ambiguousPods", md.ambiguousPods());
    ArrayNode q = m.putArray("queries");
    for (LabelledQuery lq : md.queries()) {
      q.addObject().put("label", lq.label()).put("promql", lq.promql());
    }
    md.warnings().forEach(m.putArray("warnings")::add);
    md.notes().forEach(m.putArray("notes")::add);
    // Jobs rolled up into their CronJob: one entry per CronJob of the rows, its runs counted.
    ArrayNode rollups = m.putArray("rollups");
    for (WorkloadResolver.CronJobRuns r : md.rollups()) {
      ObjectNode o = rollups.addObject();
      if (!r.cronJob().cluster().isEmpty()) {
        o.put("cluster", r.cronJob().cluster());
      }
      o.put("namespace", r.cronJob().namespace());
      o.put("kind", r.cronJob().kind());
      o.put("name", r.cronJob().name());
      o.put("runs", r.runs());
      r.jobs().forEach(o.putArray("jobs")::add);
      o.put("by", r.byOwner() ? "kube_job_owner" : "name");
    }
    return m;
  }
}
