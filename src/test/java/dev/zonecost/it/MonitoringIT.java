package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.Routing;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code zonecost rules} and {@code zonecost dashboard} against a real Prometheus with the
 * simulator's cluster: promtool accepts the rules file; every recording rule, alert and panel query
 * is evaluated (recorded series inlined as subqueries, since backfilled data has none) and answers
 * without error; the pair and zone series are there; the cross-zone bytes and cost they give over
 * the whole span are near the exact report's (they are built on increase()).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MonitoringIT {
  private static final Instant END = Instant.parse("2026-11-01T03:00:00Z");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void every_rule_and_panel_query_answers_on_real_data(@TempDir Path tmp) throws Exception {
    SimulatedCluster cluster =
        Simulator.generate(SimulationSpec.builder("edge", END).hours(3).seed(42).build());
    try (PrometheusServer prom = PrometheusServer.start(tmp, cluster::writeOpenMetrics)) {
      JsonNode report =
          new ObjectMapper()
              .readTree(
                  cli(
                      "report",
                      "--prometheus-url",
                      prom.url(),
                      "--start",
                      cluster.start().plus(Duration.ofMinutes(5)).toString(),
                      "--end",
                      END.toString(),
                      "-o",
                      "json"));
      long exactCross = report.get("totals").get("cross-zone").asLong();
      double exactCost = report.get("cost").get("window").asDouble();

      // Rules: promtool accepts them, as a file and as a PrometheusRule's spec.
      Path rulesFile = tmp.resolve("rules.yml");
      Files.writeString(rulesFile, cli("rules", "--cloud", "aws"));
      Process check =
          new ProcessBuilder("promtool", "check", "rules", rulesFile.toString())
              .redirectErrorStream(true)
              .start();
      String checkOut = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(check.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, check.exitValue(), checkOut);
      JsonNode cr =
          new ObjectMapper(new YAMLFactory())
              .readTree(cli("rules", "--cloud", "aws", "--prometheus-rule"));
      assertEquals("PrometheusRule", cr.get("kind").asText());
      JsonNode groups = new ObjectMapper(new YAMLFactory()).readTree(rulesFile.toFile());
      assertEquals(groups.get("groups"), cr.get("spec").get("groups"));

      Map<String, String> records = new LinkedHashMap<>();
      for (JsonNode rule : groups.get("groups").get(0).get("rules")) {
        String expr = inline(rule.get("expr").asText(), records);
        records.put(rule.get("record").asText(), expr);
        JsonNode result = query(prom, expr, END);
        assertTrue(result.size() > 0, rule.get("record") + " has series");
      }
      for (JsonNode rule : groups.get("groups").get(1).get("rules")) {
        query(prom, inline(rule.get("expr").asText(), records), END); // answers without error
      }
      // The recorded cross-zone bytes summed over the span, against the exact report.
      String cross = records.get("zonecost:retina_cross_zone_bytes:increase5m");
      double recorded =
          query(prom, "sum_over_time((" + cross + ")[175m:5m])", END)
              .get(0)
              .get("value")
              .get(1)
              .asDouble();
      double error = (recorded - exactCross) / exactCross;
      System.out.printf(
          "MonitoringIT: recording rules' cross-zone bytes over 2h55m %.0f, report %d: %+.2f%%%n",
          recorded, exactCross, error * 100);
      // Measured -3.07% on this cluster (its window starts inside a scrape outage; an agent
      // restart, an expired series): docs/accounting.md's bound, through the chained rules.
      assertTrue(error <= 0.005 && error >= -0.05, "within the documented difference: " + error);

      // Dashboard: every panel's query, with Grafana's variables set to the span.
      JsonNode dash = new ObjectMapper().readTree(cli("dashboard", "--cloud", "aws"));
      assertEquals(4, dash.get("panels").size());
      for (JsonNode panel : dash.get("panels")) {
        JsonNode target = panel.get("targets").get(0);
        String expr =
            target.get("expr").asText().replace("$__range", "175m").replace("$__interval", "5m");
        JsonNode result =
            target.get("instant").asBoolean()
                ? query(prom, expr, END)
                : queryRange(prom, expr, cluster.start().plus(Duration.ofMinutes(10)), END);
        assertTrue(result.size() > 0, panel.get("title") + " has data");
        if (panel.get("type").asText().equals("stat")) {
          double cost = result.get(0).get("value").get(1).asDouble();
          System.out.printf(
              "MonitoringIT: dashboard cost %.6f, report %.6f: %+.2f%%%n",
              cost, exactCost, 100 * (cost - exactCost) / exactCost);
          // measured +0.65%: increase() over the range extrapolates
          assertTrue(Math.abs(cost - exactCost) / exactCost < 0.05, "cost near the report's");
        }
      }
    }
  }

  /**
   * The per-pair recording rule, evaluated at every interval over the window as a ruler would,
   * against {@code report} over the same window, per locality (issue 31): the simulator's {@code
   * edge} cluster with each routing, both levels, and with traffic to and from nodes.
   */
  @ParameterizedTest(name = "{0} {1} host traffic {2}")
  @CsvSource({
    "KUBE_PROXY, LOW, true",
    "KUBE_PROXY, HIGH, true",
    "POD_IP_ONLY, LOW, false",
    "POD_IP_ONLY, HIGH, false",
    "SOCKET_LB, LOW, false",
  })
  void recorded_localities_follow_the_report(
      Routing routing, DataAggregationLevel level, boolean hostTraffic, @TempDir Path tmp)
      throws Exception {
    SimulatedCluster cluster =
        Simulator.generate(
            SimulationSpec.builder("edge", END)
                .hours(3)
                .seed(42)
                .routing(routing)
                .level(level)
                .hostTraffic(hostTraffic)
                .build());
    String lvl = level.label();
    try (PrometheusServer prom = PrometheusServer.start(tmp, cluster::writeOpenMetrics)) {
      Instant start = cluster.start();
      RecordedLocalities report =
          RecordedLocalities.ofReport(
              new ObjectMapper()
                  .readTree(
                      cli(
                          "report",
                          "--prometheus-url",
                          prom.url(),
                          "--data-aggregation-level",
                          lvl,
                          "--start",
                          start.toString(),
                          "--end",
                          END.toString(),
                          "-o",
                          "json")));
      JsonNode rules =
          new ObjectMapper(new YAMLFactory())
              .readTree(cli("rules", "--data-aggregation-level", lvl));
      String pair = rules.get("groups").get(0).get("rules").get(0).get("expr").asText();
      RecordedLocalities recorded =
          RecordedLocalities.ofSeries(prom.url(), pair, start, END, Duration.ofMinutes(5));
      System.out.printf(
          "MonitoringIT: %s %s host traffic %s, recorded / report: %s%n",
          routing, lvl, hostTraffic, recorded.against(report));
      assertWithinTheDocumentedDifference(recorded, report);
    }
  }

  /**
   * {@code rules --source istio}: Istio's own counters (ztunnel with zones, sidecars without) of
   * the same {@code edge} cluster, recorded at every interval against {@code report --source
   * istio}.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"istio", "istio-sidecar"})
  void istios_recorded_localities_follow_the_report(String export, @TempDir Path tmp)
      throws Exception {
    SimulatedCluster cluster =
        Simulator.generate(SimulationSpec.builder("edge", END).hours(3).seed(42).build());
    try (PrometheusServer prom =
        PrometheusServer.start(tmp, w -> cluster.writeOpenMetrics(w, export))) {
      Instant start = cluster.start();
      RecordedLocalities report =
          RecordedLocalities.ofReport(
              new ObjectMapper()
                  .readTree(
                      cli(
                          "report",
                          "--prometheus-url",
                          prom.url(),
                          "--source",
                          "istio",
                          "--start",
                          start.toString(),
                          "--end",
                          END.toString(),
                          "-o",
                          "json")));
      JsonNode rules =
          new ObjectMapper(new YAMLFactory()).readTree(cli("rules", "--source", "istio"));
      String pair = rules.get("groups").get(0).get("rules").get(0).get("expr").asText();
      RecordedLocalities recorded =
          RecordedLocalities.ofSeries(prom.url(), pair, start, END, Duration.ofMinutes(5));
      System.out.printf(
          "MonitoringIT: %s, recorded / report --source istio: %s%n",
          export, recorded.against(report));
      assertWithinTheDocumentedDifference(recorded, report);
    }
  }

  /**
   * docs/accounting.md's bound for the recorded series against {@code report} on the {@code edge}
   * cluster, per locality: never above, at most 5% below (its window starts inside a scrape outage,
   * an agent restarts, a pair's series expires and returns: the rules see each interval's ends
   * only). Measured: −1.7% to −2.1% same-zone, −3.1% cross-zone, −3.3% to −4.6% unknown-zone.
   */
  static void assertWithinTheDocumentedDifference(
      RecordedLocalities recorded, RecordedLocalities report) {
    double[][] pairs = {
      {recorded.same(), report.same()},
      {recorded.cross(), report.cross()},
      {recorded.unknown(), report.unknown()}
    };
    for (double[] p : pairs) {
      double e = RecordedLocalities.error(p[0], p[1]);
      assertTrue(e <= 0.005 && e >= -0.05, recorded.against(report));
    }
  }

  /** Replaces recorded series by their expressions: {@code name[1h]} becomes a subquery. */
  private static String inline(String expr, Map<String, String> records) {
    List<String> names =
        records.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
    for (String name : names) {
      String body = records.get(name);
      expr =
          expr.replaceAll(
              java.util.regex.Pattern.quote(name) + "\\[([0-9a-z]+)\\]",
              java.util.regex.Matcher.quoteReplacement("(" + body + ")") + "[$1:5m]");
      expr =
          expr.replaceAll(
              java.util.regex.Pattern.quote(name) + "\\{([^}]*)\\}",
              java.util.regex.Matcher.quoteReplacement("(" + body + ")"));
      expr = expr.replace(name, "(" + body + ")");
    }
    return expr;
  }

  private static String cli(String... args) {
    CliRun r = CliRun.run(Clock.fixed(END, ZoneOffset.UTC), args);
    assertEquals(0, r.exitCode(), r.describe());
    return r.out();
  }

  private static JsonNode query(PrometheusServer prom, String expr, Instant at) throws Exception {
    return post(prom, "/api/v1/query", "query=" + enc(expr) + "&time=" + at.getEpochSecond());
  }

  private static JsonNode queryRange(PrometheusServer prom, String expr, Instant from, Instant to)
      throws Exception {
    return post(
        prom,
        "/api/v1/query_range",
        "query="
            + enc(expr)
            + "&start="
            + from.getEpochSecond()
            + "&end="
            + to.getEpochSecond()
            + "&step=300");
  }

  private static JsonNode post(PrometheusServer prom, String path, String form) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(prom.url() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode doc = new ObjectMapper().readTree(r.body());
    assertEquals("success", doc.path("status").asText(), r.body() + "\n" + form);
    return doc.get("data").get("result");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
