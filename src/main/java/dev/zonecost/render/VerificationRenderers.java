package dev.zonecost.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.advise.Verification;
import dev.zonecost.advise.VerificationReport;
import dev.zonecost.advise.Verifier;
import dev.zonecost.common.MarkupText;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;

/**
 * The views of {@code advise --verify}'s {@link VerificationReport}: they format, never compute.
 */
public final class VerificationRenderers {
  /** The CSV's columns, one row per Service. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "namespace",
          "service",
          "verdict",
          "before_client_bytes",
          "before_cross_zone_bytes",
          "before_predicted_cross_zone_bytes",
          "before_cross_zone_share",
          "predicted_cross_zone_share",
          "client_bytes",
          "baseline_cross_zone_bytes",
          "predicted_cross_zone_bytes",
          "cross_zone_bytes",
          "cross_zone_share",
          "expected_cross_zone_bytes",
          "predicted_saving_bytes",
          "saving_bytes",
          "delivered",
          "reasons");

  private VerificationRenderers() {}

  /** The view for {@code -o}. */
  public static View<VerificationReport> of(AdviceFormat format, boolean headers) {
    return switch (format) {
      case TABLE -> table(headers);
      case CSV -> csv(headers);
      case JSON -> json();
      case YAML -> yaml();
      case MARKDOWN -> markdown();
    };
  }

  static View<VerificationReport> table(boolean headers) {
    return (r, out) -> {
      TextTable t =
          new TextTable(
              new boolean[] {false, true, true, true, true, true, true, true, false, false});
      if (headers) {
        t.row(
            "SERVICE",
            "CLIENTS",
            "BEFORE",
            "PREDICTED",
            "MEASURED",
            "SAVING-PREDICTED",
            "SAVING-MEASURED",
            "DELIVERED",
            "VERDICT",
            "WHY");
      }
      for (Verification v : r.services()) {
        t.row(
            v.label(),
            HumanUnits.bytes(v.clientBytes()),
            percent(v.beforeShare()),
            percent(v.predictedShare()),
            percent(v.measuredShare()),
            signed(v.predictedSavingBytes()),
            signed(v.savingBytes()),
            Double.isNaN(v.delivered()) ? "-" : percent(v.delivered()),
            v.verdict().label(),
            reasons(v, ","));
      }
      out.write(t.format());
      out.write("\n");
      out.write(summary(r) + "\n");
      if (r.shortfalls() > 0) {
        out.write("\nWhy:\n");
        for (Verification v : r.services()) {
          for (Verification.Reason x : v.reasons()) {
            out.write("  " + v.label() + ": " + line(x) + "\n");
          }
        }
      }
      out.write("\nNotes:\n");
      for (String a : notes(r)) {
        out.write("  " + a + "\n");
      }
      out.flush();
    };
  }

  static View<VerificationReport> markdown() {
    return (r, out) -> {
      out.write("| Service | Before | Predicted | Measured | Saving predicted | Saving measured |");
      out.write(" Delivered | Verdict | Why |\n");
      out.write("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
      for (Verification v : r.services()) {
        out.write(
            "| "
                + MarkupText.markdown(v.label())
                + " | "
                + percent(v.beforeShare())
                + " | "
                + percent(v.predictedShare())
                + " | "
                + percent(v.measuredShare())
                + " | "
                + signed(v.predictedSavingBytes())
                + " | "
                + signed(v.savingBytes())
                + " | "
                + (Double.isNaN(v.delivered()) ? "-" : percent(v.delivered()))
                + " | "
                + v.verdict().label()
                + " | "
                + MarkupText.markdown(
                    v.reasons().stream().map(VerificationRenderers::line).collect(joining("; ")))
                + " |\n");
      }
      out.write("\n" + summary(r) + "\n");
      for (String n : notes(r)) {
        out.write("\n- " + MarkupText.markdown(n));
      }
      out.write("\n");
      out.flush();
    };
  }

  static View<VerificationReport> csv(boolean headers) {
    return (r, out) -> {
      CSVPrinter p = CsvRenderer.printer(out, headers, CSV_COLUMNS);
      for (Verification v : r.services()) {
        p.printRecord(
            CsvRenderer.cell(v.namespace()),
            CsvRenderer.cell(v.name()),
            v.verdict().label(),
            v.beforeClientBytes(),
            v.beforeCrossBytes(),
            v.beforeRemainingBytes(),
            round(v.beforeShare()),
            round(v.predictedShare()),
            v.clientBytes(),
            v.baselineBytes(),
            v.predictedBytes(),
            v.crossBytes(),
            round(v.measuredShare()),
            v.expectedBytes(),
            v.predictedSavingBytes(),
            v.savingBytes(),
            Double.isNaN(v.delivered()) ? "" : round(v.delivered()),
            reasons(v, ";"));
      }
      p.flush();
    };
  }

  static View<VerificationReport> json() {
    return (r, out) -> Documents.json(tree(r), out);
  }

  static View<VerificationReport> yaml() {
    return (r, out) -> Documents.yaml(tree(r), out);
  }

  /** The document of {@code -o json} and {@code -o yaml}. */
  public static ObjectNode tree(VerificationReport r) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schemaVersion", 1);
    ObjectNode meta = root.putObject("metadata");
    ObjectNode before = meta.putObject("before");
    before.put("start", r.beforeStart().toString());
    before.put("end", r.beforeEnd().toString());
    meta.put("start", r.start().toString());
    meta.put("end", r.end().toString());
    meta.put("deliveredAtLeast", Verifier.DELIVERED);
    meta.put("minReasonEffect", Verifier.MIN_EFFECT);
    ArrayNode assumptions = meta.putArray("assumptions");
    r.assumptions().forEach(assumptions::add);
    ObjectNode totals = root.putObject("totals");
    totals.put("predictedSavingBytes", r.predictedSavingBytes());
    totals.put("savingBytes", r.savingBytes());
    totals.put("shortfalls", r.shortfalls());
    ArrayNode services = root.putArray("services");
    for (Verification v : r.services()) {
      ObjectNode s = services.addObject();
      s.put("namespace", v.namespace());
      s.put("service", v.name());
      s.put("verdict", v.verdict().label());
      ObjectNode b = s.putObject("before");
      b.put("clientBytes", v.beforeClientBytes());
      b.put("crossZoneBytes", v.beforeCrossBytes());
      b.put("predictedCrossZoneBytes", v.beforeRemainingBytes());
      b.put("crossZoneShare", round(v.beforeShare()));
      b.put("predictedCrossZoneShare", round(v.predictedShare()));
      ObjectNode a = s.putObject("after");
      a.put("clientBytes", v.clientBytes());
      a.put("baselineCrossZoneBytes", v.baselineBytes());
      a.put("predictedCrossZoneBytes", v.predictedBytes());
      a.put("crossZoneBytes", v.crossBytes());
      a.put("crossZoneShare", round(v.measuredShare()));
      a.put("expectedCrossZoneBytes", v.expectedBytes());
      s.put("predictedSavingBytes", v.predictedSavingBytes());
      s.put("savingBytes", v.savingBytes());
      if (Double.isNaN(v.delivered())) {
        s.putNull("delivered");
      } else {
        s.put("delivered", round(v.delivered()));
      }
      ArrayNode reasons = s.putArray("reasons");
      for (Verification.Reason x : v.reasons()) {
        ObjectNode o = reasons.addObject();
        o.put("reason", x.cause().label());
        o.put("message", x.cause().reason());
        o.put("effect", round(x.effect()));
        o.put("windowShare", round(x.windowShare()));
        o.put("detail", x.detail());
        o.put("fix", x.cause().fix());
      }
    }
    return root;
  }

  private static String summary(VerificationReport r) {
    return "Predicted from "
        + r.beforeStart()
        + " .. "
        + r.beforeEnd()
        + ": "
        + HumanUnits.bytes(r.predictedSavingBytes())
        + " saved in this window; measured "
        + signed(r.savingBytes())
        + ". "
        + r.shortfalls()
        + (r.shortfalls() == 1 ? " Service" : " Services")
        + " fell short.";
  }

  private static List<String> notes(VerificationReport r) {
    return r.assumptions().stream().map(a -> "assumed: " + a).toList();
  }

  private static String line(Verification.Reason x) {
    return x.cause().label()
        + String.format(Locale.ROOT, " (%s of the bytes", percent(x.effect()))
        + (x.windowShare() < 1
            ? String.format(Locale.ROOT, ", %s of the window", percent(x.windowShare()))
            : "")
        + "): "
        + (x.detail().isEmpty() ? x.cause().reason() : x.detail())
        + "; "
        + x.cause().fix();
  }

  private static String reasons(Verification v, String sep) {
    return v.reasons().stream().map(x -> x.cause().label()).collect(joining(sep));
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining(String sep) {
    return Collectors.joining(sep);
  }

  /** A saving can be negative: more crossed than before. */
  private static String signed(long bytes) {
    return bytes < 0 ? "-" + HumanUnits.bytes(-bytes) : HumanUnits.bytes(bytes);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
