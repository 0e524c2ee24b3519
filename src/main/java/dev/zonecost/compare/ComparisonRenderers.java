package dev.zonecost.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.check.Traffic;
import dev.zonecost.common.TerminalText;
import dev.zonecost.common.UsageException;
import dev.zonecost.cost.Money;
import dev.zonecost.render.CsvRenderer;
import dev.zonecost.render.HumanUnits;
import dev.zonecost.report.Rollout;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/** The views of a {@link Comparison}: a table for people, JSON and CSV for programs. */
public final class ComparisonRenderers {
  /** Writes one comparison. */
  public interface View {
    void render(Comparison c, Writer out) throws IOException;
  }

  private ComparisonRenderers() {}

  /** {@code format} is the {@code -o} value in lower case. */
  public static View of(String format, boolean headers) {
    return switch (format) {
      case "table" -> (c, out) -> table(c, headers, out);
      case "json" -> ComparisonRenderers::json;
      case "csv" -> (c, out) -> csv(c, headers, out);
      default ->
          throw new UsageException("--compare-to goes with -o table, json or csv, not " + format);
    };
  }

  static String data(BigDecimal amount) {
    BigDecimal v = amount.setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
    return v.signum() == 0 ? "0" : v.toPlainString();
  }

  private static String signedBytes(long b) {
    return (b > 0 ? "+" : b < 0 ? "-" : "") + HumanUnits.bytes(Math.abs(b));
  }

  private static String signedMoney(BigDecimal v, String currency) {
    BigDecimal r = Money.forPeople(v);
    return (r.signum() > 0 ? "+" : r.signum() < 0 ? "-" : "") + Money.human(r.abs(), currency);
  }

  private static void table(Comparison c, boolean headers, Writer out) throws IOException {
    Traffic b = c.beforeTraffic();
    Traffic a = c.afterTraffic();
    // Label values and file names reach a terminal: controls shown, not obeyed (as report's table).
    out.write("before: " + TerminalText.escape(c.before()) + "\n");
    out.write("after:  " + TerminalText.escape(c.after()) + "\n");
    out.write(
        String.format(
            Locale.ROOT,
            "cross-zone %s -> %s (%s), cost %s -> %s (%s); %d new, %d vanished, %d changed"
                + " pairs%n%n",
            HumanUnits.bytes(b.crossZone()),
            HumanUnits.bytes(a.crossZone()),
            signedBytes(c.crossDelta()),
            Money.human(b.windowCost(), c.currency()),
            Money.human(a.windowCost(), c.currency()),
            signedMoney(c.costDelta(), c.currency()),
            c.count(Comparison.Status.NEW),
            c.count(Comparison.Status.VANISHED),
            c.count(Comparison.Status.CHANGED)));
    int srcW = "SOURCE".length();
    int dstW = "DESTINATION".length();
    for (Comparison.Change ch : c.changes()) {
      srcW = Math.max(srcW, shown(ch.pair().source()).length());
      dstW = Math.max(dstW, shown(ch.pair().destination()).length());
    }
    String fmt = "%-" + srcW + "s  %-" + dstW + "s  %-9s  %12s  %12s  %12s  %14s%n";
    if (headers) {
      out.write(
          String.format(
              Locale.ROOT,
              fmt,
              "SOURCE",
              "DESTINATION",
              "STATUS",
              "CROSS BEFORE",
              "CROSS AFTER",
              "CROSS CHANGE",
              "COST CHANGE"));
    }
    for (Comparison.Change ch : c.changes()) {
      out.write(
          String.format(
              Locale.ROOT,
              fmt,
              shown(ch.pair().source()),
              shown(ch.pair().destination()),
              ch.status().label(),
              HumanUnits.bytes(ch.crossBefore()),
              HumanUnits.bytes(ch.crossAfter()),
              signedBytes(ch.crossDelta()),
              signedMoney(ch.costDelta(), c.currency())));
    }
    if (!c.rollouts().isEmpty()) {
      out.write("\nrollouts in the later window (ReplicaSets created) of the top movers:\n");
      for (var e : c.rollouts().entrySet()) {
        out.write(
            "  "
                + TerminalText.escape(e.getKey().label())
                + ": "
                + TerminalText.escape(rolloutList(e.getValue(), "none"))
                + "\n");
      }
    }
    out.flush();
  }

  /** The rollouts as {@code ns/deployment (replicaset) at time}, comma-separated. */
  static String rolloutList(List<Rollout> list, String none) {
    if (list.isEmpty()) {
      return none;
    }
    StringBuilder sb = new StringBuilder();
    for (Rollout r : list) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(end(r.deployment()))
          .append(" (")
          .append(r.replicaSet())
          .append(") at ")
          .append(r.created());
    }
    return sb.toString();
  }

  private static String shown(dev.zonecost.accounting.WorkloadRef w) {
    return TerminalText.escape(end(w));
  }

  private static String end(dev.zonecost.accounting.WorkloadRef w) {
    String prefix = w.cluster().isEmpty() ? "" : w.cluster() + ":";
    return prefix + w.namespace() + (w.name().isEmpty() ? "" : "/" + w.name());
  }

  private static void json(Comparison c, Writer out) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("before", c.before());
    root.put("after", c.after());
    root.put("currency", c.currency());
    ObjectNode totals = root.putObject("totals");
    totals.put("crossBefore", c.beforeTraffic().crossZone());
    totals.put("crossAfter", c.afterTraffic().crossZone());
    totals.put("crossChange", c.crossDelta());
    totals.put("allBefore", c.beforeTraffic().all());
    totals.put("allAfter", c.afterTraffic().all());
    totals.put("costBefore", data(c.beforeTraffic().windowCost()));
    totals.put("costAfter", data(c.afterTraffic().windowCost()));
    totals.put("costChange", data(c.costDelta()));
    totals.put("windowSecondsBefore", c.beforeTraffic().window().toSeconds());
    totals.put("windowSecondsAfter", c.afterTraffic().window().toSeconds());
    ArrayNode changes = root.putArray("changes");
    for (Comparison.Change ch : c.changes()) {
      ObjectNode o = changes.addObject();
      o.put("source_namespace", ch.pair().source().namespace());
      o.put("source_workload", ch.pair().source().name());
      o.put("destination_namespace", ch.pair().destination().namespace());
      o.put("destination_workload", ch.pair().destination().name());
      o.put("status", ch.status().label());
      o.put("crossBefore", ch.crossBefore());
      o.put("crossAfter", ch.crossAfter());
      o.put("crossChange", ch.crossDelta());
      o.put("allBefore", ch.allBefore());
      o.put("allAfter", ch.allAfter());
      o.put("costBefore", data(ch.costBefore()));
      o.put("costAfter", data(ch.costAfter()));
      o.put("costChange", data(ch.costDelta()));
      List<Rollout> rollouts = c.rollouts().get(ch.pair());
      if (rollouts != null) {
        ArrayNode list = o.putArray("rollouts");
        for (Rollout r : rollouts) {
          list.addObject()
              .put("namespace", r.deployment().namespace())
              .put("deployment", r.deployment().name())
              .put("replicaset", r.replicaSet())
              .put("created", r.created().toString())
              .put("kind", r.deployment().kind());
        }
      }
    }
    out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    out.write('\n');
    out.flush();
  }

  private static void csv(Comparison c, boolean headers, Writer out) throws IOException {
    CSVPrinter p =
        CsvRenderer.printer(
            out,
            headers,
            List.of(
                "source_namespace",
                "source_workload",
                "destination_namespace",
                "destination_workload",
                "status",
                "cross_before",
                "cross_after",
                "cross_change",
                "all_before",
                "all_after",
                "cost_before",
                "cost_after",
                "cost_change",
                "currency",
                "rollouts"));
    for (Comparison.Change ch : c.changes()) {
      p.printRecord(
          CsvRenderer.cell(ch.pair().source().namespace()),
          CsvRenderer.cell(ch.pair().source().name()),
          CsvRenderer.cell(ch.pair().destination().namespace()),
          CsvRenderer.cell(ch.pair().destination().name()),
          ch.status().label(),
          ch.crossBefore(),
          ch.crossAfter(),
          ch.crossDelta(),
          ch.allBefore(),
          ch.allAfter(),
          data(ch.costBefore()),
          data(ch.costAfter()),
          data(ch.costDelta()),
          CsvRenderer.cell(c.currency()),
          CsvRenderer.cell(rolloutList(c.rollouts().getOrDefault(ch.pair(), List.of()), "")));
    }
    p.flush();
  }
}
