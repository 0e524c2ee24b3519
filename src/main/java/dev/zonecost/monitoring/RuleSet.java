package dev.zonecost.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.time.TimeParsing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code zonecost rules}: recording rules for per-pair and per-zone-pair bytes over each evaluation
 * interval, cross-zone bytes and cost, and alerts when the last hour's cross-zone bytes or cost
 * pass {@code factor} times the hourly mean of the day before.
 */
public final class RuleSet {
  /** How far the recorded series were from {@code report} (docs/accounting.md, MonitoringIT). */
  public static final String MEASURED =
      "measured against report on the simulator's edge cluster over 3 h (its window starts inside"
          + " a scrape outage; an agent restart, a pair's series expiring, a rolling restart),"
          + " --dedupe auto, pod-IP, kube-proxy and socket-LB routing, both levels, on Prometheus"
          + " and on VictoriaMetrics with vmalert: same-zone -1.7% to -2.1%, cross-zone -3.1%,"
          + " unknown-zone -3.3% to -4.6%; from 15 minutes after the outage -0.2%, -0.6%, -0.9%";

  private RuleSet() {}

  /**
   * @param pairs {@code query --grafana}'s expression, for each interval
   * @param pricePerByte the cross-zone price of one byte, in {@code currency}
   */
  public static ObjectNode groups(
      PairExpression pairs,
      Duration interval,
      BigDecimal pricePerByte,
      String currency,
      double factor,
      long minBytesPerHour) {
    String i = TimeParsing.format(interval);
    String pair = Expressions.PAIR_BYTES + i;
    String zone = Expressions.ZONE_BYTES + i;
    String cross = Expressions.CROSS_BYTES + i;
    String cost = Expressions.CROSS_COST + i;
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ArrayNode groups = root.putArray("groups");
    ObjectNode rec = groups.addObject();
    rec.put("name", "zonecost.recording");
    rec.put("interval", i);
    ArrayNode rules = rec.putArray("rules");
    rules.addObject().put("record", pair).put("expr", pairs.tiled(i));
    rules.addObject().put("record", zone).put("expr", Expressions.byZones(pair));
    rules
        .addObject()
        .put("record", cross)
        .put(
            "expr",
            "sum("
                + Expressions.crossOnly(zone + "{source_zone!=\"\", destination_zone!=\"\"}")
                + ")");
    rules
        .addObject()
        .put("record", cost)
        .put("expr", cross + " * " + Expressions.number(pricePerByte))
        .putObject("labels")
        .put("currency", currency);

    ObjectNode alerts = groups.addObject();
    if (interval.compareTo(Duration.ofHours(1)) < 0
        && Duration.ofHours(1).toSeconds() % interval.toSeconds() == 0) {
      ObjectNode rollup = groups.addObject();
      rollup.put("name", "zonecost.rollup");
      rollup.put("interval", "1h");
      rollup
          .putArray("rules")
          .addObject()
          .put("record", pair + Expressions.ROLLUP_SUFFIX)
          .put("expr", Expressions.rollup(pair));
    }
    alerts.put("name", "zonecost.alerts");
    ArrayNode a = alerts.putArray("rules");
    String f = String.format(Locale.ROOT, "%s", factor);
    String floor = lastHour(cross) + " > " + minBytesPerHour;
    jump(
        a,
        "ZonecostCrossZoneBytesJump",
        "Cross-zone bytes in the last hour are",
        cross,
        floor,
        f,
        "{{ $value | humanize1024 }}B crossed zones in the last hour; find the pairs with"
            + " `zonecost report --since 1h --compare-to <the hour a day earlier>`.");
    jump(
        a,
        "ZonecostCrossZoneCostJump",
        "Cross-zone cost in the last hour is",
        cost,
        floor,
        f,
        "{{ $value }} " + currency + " in the last hour.");
    return root;
  }

  /** The sum of {@code series} over the last hour. */
  private static String lastHour(String series) {
    return "sum_over_time(" + series + "[1h])";
  }

  /**
   * An alert for the last hour of {@code series} above {@code factor} times its hourly mean over
   * the day before, while {@code floor} holds (enough bytes to matter), for 15 minutes.
   */
  private static void jump(
      ArrayNode rules,
      String name,
      String what,
      String series,
      String floor,
      String factor,
      String description) {
    String dayMean = "sum_over_time(" + series + "[1d] offset 1h) / 24";
    rules
        .addObject()
        .put("alert", name)
        .put("expr", lastHour(series) + " > " + factor + " * (" + dayMean + ") and " + floor)
        .put("for", "15m")
        .putObject("annotations")
        .put("summary", what + " more than " + factor + "x the hourly mean of the day before")
        .put("description", description);
  }

  private static final java.util.regex.Pattern METRIC_NAME =
      java.util.regex.Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final java.util.regex.Pattern ALERT_NAME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final java.util.regex.Pattern LABEL_VALUE =
      java.util.regex.Pattern.compile("[A-Za-z0-9 ._/-]*");

  /**
   * What promtool would refuse, checked on the groups before they are written: record and alert
   * names, numbers PromQL cannot read (Infinity, NaN), and label values and annotations that hold
   * template code or line breaks beyond those zonecost writes itself.
   *
   * @throws IllegalArgumentException naming the rule and what is wrong
   */
  public static void check(ObjectNode root) {
    for (var group : root.path("groups")) {
      for (var rule : group.path("rules")) {
        String name =
            rule.has("record") ? rule.path("record").asText() : rule.path("alert").asText();
        if (rule.has("record") && !METRIC_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException(
              "recording rule name '" + name + "' is not a metric name");
        }
        if (rule.has("alert") && !ALERT_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("alert name '" + name + "' is not valid");
        }
        String expr = rule.path("expr").asText();
        // PromQL may span lines; what it cannot read is a number spelled Infinity or NaN
        if (expr.isBlank() || expr.matches("(?s).*\\b(Infinity|NaN)\\b.*")) {
          throw new IllegalArgumentException(
              name + ": the expression holds a value PromQL cannot read");
        }
        rule.path("labels")
            .fields()
            .forEachRemaining(
                l -> {
                  if (!LABEL_VALUE.matcher(l.getValue().asText()).matches()) {
                    throw new IllegalArgumentException(
                        name
                            + ": label "
                            + l.getKey()
                            + " holds characters a label value here may not");
                  }
                });
        rule.path("annotations")
            .fields()
            .forEachRemaining(
                a -> {
                  String text = a.getValue().asText();
                  long opened = text.split("\\{\\{", -1).length - 1L;
                  if (text.contains("\n") || opened > 1) {
                    throw new IllegalArgumentException(
                        name
                            + ": annotation "
                            + a.getKey()
                            + " holds template code or a line break");
                  }
                });
      }
    }
  }

  /** The same groups as a prometheus-operator PrometheusRule resource. */
  public static ObjectNode prometheusRule(ObjectNode groups, String name) {
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("apiVersion", "monitoring.coreos.com/v1");
    r.put("kind", "PrometheusRule");
    r.putObject("metadata")
        .put("name", name)
        .putObject("labels")
        .put("app.kubernetes.io/name", "zonecost");
    r.set("spec", groups);
    return r;
  }
}
