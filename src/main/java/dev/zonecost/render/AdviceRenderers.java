package dev.zonecost.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.advise.Advice;
import dev.zonecost.advise.AdviceReport;
import dev.zonecost.advise.Gating;
import dev.zonecost.advise.ZoneLoad;
import dev.zonecost.common.MarkupText;
import dev.zonecost.cost.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;

/** The views of an {@link AdviceReport}: they format, never compute. */
public final class AdviceRenderers {
  /** The CSV's columns, one row per Service. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "namespace",
          "service",
          "client_bytes_by_zone",
          "endpoints_by_zone",
          "cross_zone_bytes",
          "modelled_cross_zone_bytes",
          "long_lived",
          "cross_zone_cost",
          "remaining_cross_zone_bytes",
          "saving_bytes",
          "saving_cost",
          "saving_cost_30d",
          "overloaded_zones",
          "suggested_replicas",
          "auto_hints",
          "auto_saving_bytes",
          "same_node_remaining_cross_zone_bytes",
          "same_node_saving_bytes",
          "same_node_saving_cost",
          "same_node_gating",
          "mesh",
          "gating",
          "currency",
          "todo");

  private AdviceRenderers() {}

  /**
   * What {@code zonecost report --source retina} counts as cross-zone over the advice's window and
   * selection: all of it, where advise's cross-zone is only what clients sent to Services.
   */
  public record ReportTotal(long crossZoneBytes, BigDecimal crossZoneCost) {}

  /**
   * The sentence that puts advise's cross-zone beside the report's: advise counts Service traffic
   * only, so the two differ by pod-to-pod traffic without a Service, node and outside traffic.
   *
   * @param total the report's, null when it is not known
   */
  static String scope(AdviceReport r, ReportTotal total) {
    String what =
        "advise's cross-zone is Service traffic only (clients calling a Service's ClusterIP)";
    if (total == null) {
      return what
          + "; zonecost report counts more: what did not go through a ClusterIP (pod to pod,"
          + " nodes, outside).";
    }
    return what
        + "; zonecost report --source retina over the same window and selection counts "
        + HumanUnits.bytes(total.crossZoneBytes())
        + " cross-zone ("
        + money(total.crossZoneCost(), r.currency())
        + "), the other "
        + HumanUnits.bytes(Math.max(0, total.crossZoneBytes() - r.crossBytes()))
        + " did not go through a ClusterIP (pod to pod, nodes, outside).";
  }

  static View<AdviceReport> table(boolean headers, ReportTotal total) {
    return (r, out) -> {
      TextTable t =
          new TextTable(
              new boolean[] {false, true, true, true, true, true, true, true, false, false, false});
      if (headers) {
        t.row(
            "SERVICE",
            "CLIENTS",
            "CROSS-ZONE",
            "MODELLED",
            "COST",
            "SAVING",
            "SAVING/30D",
            "SAME-NODE",
            "MAX-LOAD",
            "AUTO",
            "GATING");
      }
      for (Advice a : r.services()) {
        t.row(
            a.label(),
            HumanUnits.bytes(total(a.clientBytes()) + a.unknownZoneClientBytes()),
            HumanUnits.bytes(a.crossBytes()),
            HumanUnits.bytes(a.modelledCrossBytes()) + (a.longLived() ? " !" : ""),
            money(a.crossCost(), r.currency()),
            HumanUnits.bytes(a.savingBytes()),
            money(a.savingCostMonthly(), r.currency()),
            HumanUnits.bytes(a.sameNode().savingBytes()),
            maxLoad(a),
            auto(a),
            a.gating().stream().map(Gating::label).collect(Collectors.joining(",")));
      }
      out.write(t.format());
      out.write("\n");
      out.write(
          "PreferSameZone would save "
              + HumanUnits.bytes(r.savingBytes())
              + " of "
              + HumanUnits.bytes(r.crossBytes())
              + " cross-zone ("
              + money(r.avoidableCost(), r.currency())
              + " in the window, "
              + money(r.avoidableCostMonthly(), r.currency())
              + " per 30 days).\n");
      out.write(sameNodeTotal(r) + "\n");
      out.write(scope(r, total).replace("; ", ";\n") + "\n\n");
      out.write("What to do:\n");
      for (Advice a : r.services()) {
        out.write("  " + a.label() + ": " + a.todo() + "\n");
      }
      List<String> notes = notes(r);
      if (!notes.isEmpty()) {
        out.write("\nNotes:\n");
        for (String n : notes) {
          out.write("  " + n + "\n");
        }
      }
      out.flush();
    };
  }

  static View<AdviceReport> markdown() {
    return markdown(null);
  }

  static View<AdviceReport> markdown(ReportTotal total) {
    return (r, out) -> {
      out.write("| Service | Cross-zone | Modelled | Cost | Saving | Saving / 30 d | Same node |");
      out.write(" Max load | Gating | What to do |\n");
      out.write("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
      for (Advice a : r.services()) {
        out.write(
            "| "
                + md(a.label())
                + " | "
                + HumanUnits.bytes(a.crossBytes())
                + " | "
                + HumanUnits.bytes(a.modelledCrossBytes())
                + (a.longLived() ? " (long-lived?)" : "")
                + " | "
                + money(a.crossCost(), r.currency())
                + " | "
                + HumanUnits.bytes(a.savingBytes())
                + " | "
                + money(a.savingCostMonthly(), r.currency())
                + " | "
                + HumanUnits.bytes(a.sameNode().savingBytes())
                + " | "
                + maxLoad(a)
                + " | "
                + a.gating().stream().map(Gating::label).collect(Collectors.joining(", "))
                + " | "
                + md(a.todo())
                + " |\n");
      }
      out.write(
          "\nPreferSameZone would save **"
              + money(r.avoidableCostMonthly(), r.currency())
              + " per 30 days** ("
              + HumanUnits.bytes(r.savingBytes())
              + " of "
              + HumanUnits.bytes(r.crossBytes())
              + " cross-zone in the window). "
              + sameNodeTotal(r)
              + "\n");
      out.write("\n" + md(scope(r, total)) + "\n");
      for (String n : notes(r)) {
        out.write("\n- " + md(n));
      }
      out.write("\n");
      out.flush();
    };
  }

  static View<AdviceReport> csv(boolean headers) {
    return (r, out) -> {
      CSVPrinter p = CsvRenderer.printer(out, headers, CSV_COLUMNS);
      for (Advice a : r.services()) {
        p.printRecord(
            CsvRenderer.cell(a.namespace()),
            CsvRenderer.cell(a.name()),
            MarkupText.csv(zones(a.clientBytes())),
            MarkupText.csv(zones(a.endpoints())),
            a.crossBytes(),
            a.modelledCrossBytes(),
            a.longLived(),
            CostText.data(a.crossCost()),
            a.remainingCrossBytes(),
            a.savingBytes(),
            CostText.data(a.savingCost()),
            CostText.data(a.savingCostMonthly()),
            MarkupText.csv(
                a.loads().stream()
                    .filter(ZoneLoad::overloaded)
                    .map(ZoneLoad::zone)
                    .collect(Collectors.joining(";"))),
            MarkupText.csv(
                a.overloaded()
                    ? a.loads().stream()
                        .map(l -> l.zone() + "=" + l.suggestedReplicas())
                        .collect(Collectors.joining(";"))
                    : ""),
            auto(a),
            a.autoSavingBytes(),
            a.sameNode().remainingCrossBytes(),
            a.sameNode().savingBytes(),
            CostText.data(a.sameNode().savingCost()),
            a.sameNode().gating().stream().map(Gating::label).collect(Collectors.joining(";")),
            a.mesh() == null ? "" : a.mesh().label(),
            a.gating().stream().map(Gating::label).collect(Collectors.joining(";")),
            MarkupText.csv(r.currency()),
            CsvRenderer.cell(a.todo()));
      }
      p.flush();
    };
  }

  static View<AdviceReport> json(ReportTotal total) {
    return (r, out) -> Documents.json(tree(r, total), out);
  }

  static View<AdviceReport> yaml(ReportTotal total) {
    return (r, out) -> Documents.yaml(tree(r, total), out);
  }

  /** The document of {@code -o json} and {@code -o yaml}. */
  /**
   * The same, with the report's cross-zone total beside advise's Service-only one when known
   * ({@code totals.crossZoneScope} says which traffic {@code crossZoneBytes} counts).
   */
  static ObjectNode tree(AdviceReport r, ReportTotal total) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("schemaVersion", 1);
    ObjectNode meta = root.putObject("metadata");
    meta.put("start", r.start().toString());
    meta.put("end", r.end().toString());
    meta.put("currency", r.currency());
    meta.put("priceRule", r.priceRule());
    ArrayNode assumptions = meta.putArray("assumptions");
    r.assumptions().forEach(assumptions::add);
    ObjectNode totals = root.putObject("totals");
    totals.put("crossZoneBytes", r.crossBytes());
    totals.put("crossZoneScope", "service");
    if (total != null) {
      totals.put("reportCrossZoneBytes", total.crossZoneBytes());
      totals.put("reportCrossZoneCost", CostText.data(total.crossZoneCost()));
    }
    totals.put("savingBytes", r.savingBytes());
    totals.put("avoidableCost", CostText.data(r.avoidableCost()));
    totals.put("avoidableCost30d", CostText.data(r.avoidableCostMonthly()));
    totals.put("sameNodeSavingBytes", sameNodeSaving(r));
    ArrayNode services = root.putArray("services");
    for (Advice a : r.services()) {
      ObjectNode s = services.addObject();
      s.put("namespace", a.namespace());
      s.put("service", a.name());
      ObjectNode clients = s.putObject("clientBytesByZone");
      a.clientBytes().forEach(clients::put);
      s.put("unknownZoneClientBytes", a.unknownZoneClientBytes());
      ObjectNode eps = s.putObject("readyEndpointsByZone");
      a.endpoints().forEach((z, e) -> eps.put(z, round(e)));
      s.put("readyEndpointsWithoutZone", round(a.endpointsWithoutZone()));
      ObjectNode today = s.putObject("today");
      today.put("crossZoneBytes", a.crossBytes());
      today.put("modelledCrossZoneBytes", a.modelledCrossBytes());
      today.put("longLivedConnections", a.longLived());
      today.put("crossZoneCost", CostText.data(a.crossCost()));
      ObjectNode psz = s.putObject("preferSameZone");
      psz.put("remainingCrossZoneBytes", a.remainingCrossBytes());
      psz.put("savingBytes", a.savingBytes());
      psz.put("savingCost", CostText.data(a.savingCost()));
      psz.put("savingCost30d", CostText.data(a.savingCostMonthly()));
      psz.put("worstLoadRatio", round(a.shares().worstLoad()));
      psz.put("worstLoadZone", a.shares().worstLoadZone());
      psz.put("overloadedShare", round(a.shares().overloadedShare()));
      ArrayNode loads = psz.putArray("loadByZone");
      for (ZoneLoad l : a.loads()) {
        ObjectNode z = loads.addObject();
        z.put("zone", l.zone());
        z.put("readyEndpoints", round(l.endpoints()));
        z.put("servedShare", round(l.servedShare()));
        z.put("endpointShare", round(l.endpointShare()));
        z.put("loadRatio", round(l.ratio()));
        z.put("overloaded", l.overloaded());
        z.put("suggestedReplicas", l.suggestedReplicas());
      }
      ObjectNode psn = s.putObject("preferSameNode");
      psn.put("remainingCrossZoneBytes", a.sameNode().remainingCrossBytes());
      psn.put("savingBytes", a.sameNode().savingBytes());
      psn.put("savingCost", CostText.data(a.sameNode().savingCost()));
      psn.put("savingCost30d", CostText.data(a.sameNode().savingCostMonthly()));
      ArrayNode psnGating = psn.putArray("gating");
      for (Gating g : a.sameNode().gating()) {
        ObjectNode o = psnGating.addObject();
        o.put("reason", g.label());
        o.put("message", g.reason());
        o.put("windowShare", round(a.sameNode().shareOf(g)));
      }
      if (a.mesh() == null) {
        s.putNull("mesh");
      } else {
        ObjectNode mesh = s.putObject("mesh");
        mesh.put("name", a.mesh().label());
        mesh.put("trafficDistribution", a.mesh().note());
      }
      ObjectNode auto = s.putObject("topologyModeAuto");
      if (a.auto() == null) {
        auto.put("applies", false);
      } else {
        auto.put("applies", true);
        auto.put("hints", a.auto().dropped() == null ? "kept" : "dropped");
        if (a.auto().dropped() != null) {
          auto.put("droppedBecause", a.auto().dropped().reason());
        } else {
          ObjectNode hinted = auto.putObject("endpointZonesHintedFor");
          a.auto().hintedFor().forEach((z, m) -> hinted.putPOJO(z, m));
        }
        auto.put("remainingCrossZoneBytes", a.auto().remainingCrossBytes());
        auto.put("savingBytes", a.autoSavingBytes());
        auto.put("savingCost", CostText.data(a.autoSavingCost()));
      }
      ArrayNode gating = s.putArray("gating");
      for (Gating g : a.gating()) {
        ObjectNode o = gating.addObject();
        o.put("reason", g.label());
        o.put("message", g.reason());
        o.put("windowShare", round(a.shares().shareOf(g)));
      }
      s.put("todo", a.todo());
    }
    return root;
  }

  private static List<String> notes(AdviceReport r) {
    List<String> notes = new ArrayList<>();
    for (Advice a : r.services()) {
      if (a.longLived()) {
        notes.add(
            a.label()
                + ": measured cross-zone bytes differ from the uniform model by more than 10%"
                + " (long-lived connections?)");
      }
      for (ZoneLoad l : a.loads()) {
        if (l.overloaded()) {
          notes.add(
              String.format(
                  Locale.ROOT,
                  "%s: under PreferSameZone %s would serve %.0f%% of the traffic with %.0f%% of"
                      + " the endpoints (load %.2fx)",
                  a.label(),
                  l.zone(),
                  l.servedShare() * 100,
                  l.endpointShare() * 100,
                  l.ratio()));
        }
      }
      if (a.auto() != null && a.auto().dropped() != null && !a.gated()) {
        notes.add(
            a.label()
                + ": topology-mode Auto would drop its hints: "
                + a.auto().dropped().reason());
      }
    }
    r.assumptions().forEach(x -> notes.add("assumed: " + x));
    return notes;
  }

  private static long sameNodeSaving(AdviceReport r) {
    return r.services().stream().mapToLong(a -> a.sameNode().savingBytes()).sum();
  }

  private static String sameNodeTotal(AdviceReport r) {
    return "PreferSameNode would save " + HumanUnits.bytes(sameNodeSaving(r)) + ".";
  }

  private static String auto(Advice a) {
    if (a.auto() == null) {
      return "-";
    }
    return a.auto().dropped() == null
        ? "saves " + HumanUnits.bytes(Math.max(0, a.autoSavingBytes()))
        : "dropped";
  }

  private static String maxLoad(Advice a) {
    return a.loads().stream()
        .max(java.util.Comparator.comparingDouble(ZoneLoad::ratio))
        .map(
            l ->
                String.format(Locale.ROOT, "%.2fx %s", l.ratio(), l.zone())
                    + (l.overloaded() ? " !" : ""))
        .orElse("-");
  }

  private static long total(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  private static String zones(Map<String, ? extends Number> m) {
    return m.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + "="
                    + (e.getValue() instanceof Double d
                        ? BigDecimal.valueOf(round(d)).stripTrailingZeros().toPlainString()
                        : e.getValue().toString()))
        .collect(Collectors.joining(";"));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String money(BigDecimal amount, String currency) {
    return Money.human(amount, currency);
  }

  private static String md(String s) {
    return MarkupText.markdown(s);
  }
}
