package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formats, selection, errors and the Grafana expression, on one real Prometheus with `edge`. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReportFeaturesIT {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final Clock CLOCK = Clock.fixed(END, ZoneOffset.UTC);
  @TempDir static Path dir;
  private static SimulatedCluster cluster;
  private static PrometheusServer prom;

  @BeforeAll
  static void start() throws Exception {
    cluster = Simulator.generate(SimulationSpec.builder("edge", END).hours(2).seed(7).build());
    prom = PrometheusServer.start(dir, cluster::writeOpenMetrics);
  }

  @AfterAll
  static void stop() {
    if (prom != null) {
      prom.close();
    }
  }

  private static CliRun report(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--prometheus-url",
                prom.url(),
                "--start",
                cluster.start().toString(),
                "--end",
                cluster.end().toString()));
    args.addAll(List.of(extra));
    return CliRun.run(CLOCK, args.toArray(String[]::new));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "page.html, html",
    "page.HTM, html",
    "rows.csv, csv",
    "doc.json, json",
    "notes.md, markdown",
    "doc.yml, yaml"
  })
  void should_take_the_format_from_the_output_files_extension_without_o(String name, String format)
      throws Exception {
    Path inferred = dir.resolve("inferred-" + name);
    CliRun run = report("--output-file", inferred.toString());
    assertEquals(0, run.exitCode(), run.describe());
    CliRun typed = report("-o", format);
    assertEquals(typed.out(), Files.readString(inferred), name + " is written as -o " + format);
  }

  @Test
  void should_refuse_an_output_file_extension_that_conflicts_with_o_before_sending()
      throws Exception {
    Path html = dir.resolve("conflict.html");
    CliRun run = report("-o", "csv", "--output-file", html.toString());
    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(
        "zonecost: --output-file conflict.html names html but -o is csv: drop -o, or name the"
            + " file for csv\n",
        run.err());
    assertFalse(Files.exists(html), "no file written");
    CliRun txt = report("-o", "wide", "--output-file", dir.resolve("wide.txt").toString());
    assertEquals(0, txt.exitCode(), "an extension that names no format leaves -o alone");
    assertEquals(report("-o", "wide").out(), Files.readString(dir.resolve("wide.txt")));
  }

  @Test
  void should_write_csv_that_agrees_with_json_to_the_byte() throws Exception {
    Path csv = dir.resolve("traffic.csv");
    CliRun toFile = report("-o", "csv", "--output-file", csv.toString());
    assertEquals(0, toFile.exitCode(), toFile.describe());
    assertEquals("", toFile.out(), "data went to the file, not stdout");
    CliRun json = report("-o", "json");
    Map<TrafficKey, Long> fromJson = ReportRows.rows(ReportRows.parse(json.out()));
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(Files.newBufferedReader(csv))
            .getRecords();
    assertEquals(fromJson.size(), records.size());
    long csvSum = records.stream().mapToLong(r -> Long.parseLong(r.get("bytes"))).sum();
    assertEquals(fromJson.values().stream().mapToLong(Long::longValue).sum(), csvSum);
    assertEquals(
        ReportRows.rows(cluster.answer().expected()).values().stream()
            .mapToLong(Long::longValue)
            .sum(),
        csvSum);
  }

  @Test
  void should_time_each_request_with_the_servers_own_time_and_keep_the_rows() throws Exception {
    CliRun plain = report("-o", "json");
    CliRun timed = report("-o", "json", "--timings");
    assertEquals(0, timed.exitCode(), timed.describe());
    assertEquals(
        ReportRows.rows(ReportRows.parse(plain.out())),
        ReportRows.rows(ReportRows.parse(timed.out())),
        "--timings changes no row");
    List<String> lines = timed.err().lines().toList();
    int header =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("request ")).findFirst().orElseThrow());
    List<String> census =
        lines.stream().filter(l -> l.startsWith("every series in the window")).toList();
    assertEquals(1, census.size(), timed.err());
    // Prometheus answers stats=all with its own time: a number, not "-"
    String server = census.get(0).substring(50).trim().split("\\s+")[0];
    assertTrue(server.matches("[0-9]+\\.[0-9]{3}"), census.get(0));
    String sum = lines.stream().filter(l -> l.startsWith("sum of ")).findFirst().orElseThrow();
    long requests = Long.parseLong(sum.split(" ")[2]);
    assertEquals(lines.indexOf(sum) - header - 1, requests, timed.err());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("rendering ")), timed.err());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("total, JVM start")), timed.err());
    assertFalse(plain.err().contains("timings"), plain.err());
  }

  @Test
  void should_keep_only_the_selected_workloads_and_total_them() throws Exception {
    CliRun run = report("--from-workload", "cli.*", "--to-workload", "server", "-o", "json");
    assertEquals(0, run.exitCode(), run.describe());
    JsonNode doc = ReportRows.parse(run.out());
    Map<TrafficKey, Long> rows = ReportRows.rows(doc);
    Map<TrafficKey, Long> want =
        cluster.answer().expected().stream()
            .filter(r -> r.key().source().name().equals("client"))
            .filter(r -> r.key().destination().name().equals("server"))
            .collect(Collectors.toMap(TrafficRow::key, TrafficRow::bytes));
    assertEquals(want, rows);
    assertEquals(
        want.values().stream().mapToLong(Long::longValue).sum(),
        doc.get("totals").get("all").asLong());
  }

  @Test
  void
      should_escape_a_namespace_with_a_quote_so_it_matches_nothing_rather_than_breaking_the_query() {
    CliRun run = report("--from-namespace", "app-client\"} or vector(1) #");
    assertEquals(5, run.exitCode(), run.describe());
    assertTrue(run.err().contains("no Retina traffic matched"), run.describe());
  }

  @Test
  void should_select_by_namespace_on_the_server() throws Exception {
    CliRun run = report("--from-namespace", "app-(db|cache)", "-o", "json");
    assertEquals(0, run.exitCode(), run.describe());
    Map<TrafficKey, Long> rows = ReportRows.rows(ReportRows.parse(run.out()));
    assertFalse(rows.isEmpty());
    rows.keySet()
        .forEach(k -> assertTrue(k.source().namespace().matches("app-(db|cache)"), k.toString()));
  }

  @Test
  void should_pass_on_a_regex_the_server_rejects_as_a_back_end_error() {
    // Java accepts this named group; Prometheus 2.42's RE2 does not.
    CliRun run = report("--to-namespace", "(?<ns>app-server)");
    assertEquals(4, run.exitCode(), run.describe());
    assertTrue(run.err().contains("bad_data") || run.err().contains("rejected"), run.describe());
  }

  @Test
  void should_refuse_a_regex_that_does_not_compile_before_sending_anything() {
    CliRun run = report("--from-workload", "(client");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("--from-workload"), run.describe());
  }

  @Test
  void should_print_yaml_markdown_and_wide_from_the_same_model() throws Exception {
    CliRun yaml = report("-o", "yaml");
    assertEquals(0, yaml.exitCode(), yaml.describe());
    JsonNode fromYaml =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(yaml.out());
    long all = fromYaml.get("totals").get("all").asLong();
    CliRun md = report("-o", "markdown");
    assertTrue(md.out().contains("| locality | bytes | share |"), md.describe());
    CliRun wide = report("-o", "wide");
    assertTrue(wide.out().contains("EXACT BYTES"), wide.describe());
    assertTrue(
        wide.out().contains(Long.toString(all)), "wide prints the exact total\n" + wide.describe());
    assertFalse(wide.out().contains("\u001B["), "no colour when not a terminal");
  }

  @Test
  void should_evaluate_the_grafana_expression_within_a_few_percent_of_the_exact_cross_zone_total()
      throws Exception {
    CliRun q = CliRun.run(CLOCK, "query", "--grafana");
    assertEquals(0, q.exitCode(), q.describe());
    String expr =
        q.out()
            .lines()
            .filter(l -> !l.startsWith("#"))
            .collect(Collectors.joining("\n"))
            .replace("$__range", "7200s");
    String form =
        "query="
            + URLEncoder.encode(expr, StandardCharsets.UTF_8)
            + "&time="
            + END.getEpochSecond();
    HttpResponse<String> resp =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(prom.url() + "/api/v1/query"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode doc = new ObjectMapper().readTree(resp.body());
    assertEquals("success", doc.get("status").asText(), resp.body());
    double cross = 0;
    for (JsonNode s : doc.get("data").get("result")) {
      JsonNode m = s.get("metric");
      String src = m.path("source_zone").asText("");
      String dst = m.path("destination_zone").asText("");
      if (!src.isEmpty() && !dst.isEmpty() && !src.equals(dst)) {
        cross += Double.parseDouble(s.get("value").get(1).asText());
      }
    }
    long exact =
        cluster.answer().expected().stream()
            .filter(r -> r.locality() == Locality.CROSS_ZONE)
            .mapToLong(TrafficRow::bytes)
            .sum();
    double error = Math.abs(cross - exact) / exact;
    System.out.printf(
        "grafana expression cross-zone %.0f vs exact %d: %.3f%%%n", cross, exact, error * 100);
    assertTrue(error < 0.05, "grafana cross-zone " + cross + " vs exact " + exact);
  }

  @ParameterizedTest
  @CsvSource({"aws,0.02,1000000000", "gcp,0.01,1073741824", "azure,0,1000000000"})
  void should_price_the_exact_cross_zone_bytes_by_each_clouds_rule(
      String cloud, String perUnitMoved, long unitBytes) throws Exception {
    CliRun run = report("--cloud", cloud, "-o", "json");
    assertEquals(0, run.exitCode(), run.describe());
    JsonNode cost = ReportRows.parse(run.out()).get("cost");
    long cross =
        cluster.answer().expected().stream()
            .filter(r -> r.locality() == Locality.CROSS_ZONE)
            .mapToLong(TrafficRow::bytes)
            .sum();
    BigDecimal want =
        new BigDecimal(perUnitMoved)
            .multiply(BigDecimal.valueOf(cross))
            .divide(BigDecimal.valueOf(unitBytes), 9, RoundingMode.HALF_UP);
    assertEquals(0, want.compareTo(new BigDecimal(cost.get("window").asText())), run.describe());
    BigDecimal projected = new BigDecimal(cost.get("projection30d").asText());
    assertEquals(
        0,
        want.multiply(BigDecimal.valueOf(360))
            .setScale(6, RoundingMode.HALF_UP)
            .compareTo(projected.setScale(6, RoundingMode.HALF_UP)),
        "2 h window x 360 = 30 days");
  }

  @Test
  void should_use_a_flat_price_and_a_pricing_file_and_refuse_a_broken_one() throws Exception {
    CliRun flat = report("--price-per-gb", "0.05", "-o", "json");
    assertEquals(0, flat.exitCode(), flat.describe());
    assertTrue(flat.out().contains("price-per-gb"), flat.describe());
    CliRun onprem =
        report("--pricing", "examples/pricing-override.yaml", "--cloud", "onprem", "-o", "csv");
    assertEquals(0, onprem.exitCode(), onprem.describe());
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "providers:\n  aws:\n    currency: USD\n    unit: TB\n");
    Path out = dir.resolve("never.csv");
    CliRun bad =
        report("--pricing", broken.toString(), "-o", "csv", "--output-file", out.toString());
    assertEquals(2, bad.exitCode(), bad.describe());
    assertTrue(bad.err().contains("broken.yaml"), bad.describe());
    assertFalse(Files.exists(out), "no output file after a usage error");
  }

  @Test
  void should_group_by_namespace_and_by_pod_with_the_same_totals() throws Exception {
    long all =
        ReportRows.rows(cluster.answer().expected()).values().stream()
            .mapToLong(Long::longValue)
            .sum();
    CliRun ns = report("--group-by", "namespace", "-o", "csv");
    assertEquals(0, ns.exitCode(), ns.describe());
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(new java.io.StringReader(ns.out()))
            .getRecords();
    assertEquals(
        List.of(
            "source_namespace",
            "destination_namespace",
            "source_zone",
            "destination_zone",
            "locality",
            "bytes",
            "cost",
            "currency"),
        records.get(0).getParser().getHeaderNames());
    long nsSum = records.stream().mapToLong(r -> Long.parseLong(r.get("bytes"))).sum();
    // rounding happens once per row, so coarser rows may differ from the sum of finer ones by
    // half a byte per finer row at most
    assertTrue(Math.abs(nsSum - all) <= cluster.answer().expected().size(), nsSum + " vs " + all);
    CliRun pods = report("--group-by", "pod", "-o", "json");
    assertEquals(0, pods.exitCode(), pods.describe());
    JsonNode doc = ReportRows.parse(pods.out());
    assertTrue(doc.get("rows").get(0).has("source_pod"), pods.describe());
    long podSum = doc.get("totals").get("all").asLong();
    assertTrue(
        Math.abs(podSum - all) <= doc.get("rows").size() + cluster.answer().expected().size(),
        podSum + " vs " + all);
  }

  @Test
  void should_leave_out_excluded_namespaces_and_workloads() throws Exception {
    CliRun run =
        report(
            "--exclude-from-namespace",
            "app-(client|db)",
            "--exclude-to-workload",
            "server",
            "-o",
            "json");
    assertEquals(0, run.exitCode(), run.describe());
    Map<TrafficKey, Long> rows = ReportRows.rows(ReportRows.parse(run.out()));
    Map<TrafficKey, Long> want =
        cluster.answer().expected().stream()
            .filter(r -> !r.key().source().namespace().matches("app-(client|db)"))
            .filter(r -> !r.key().destination().name().equals("server"))
            .collect(Collectors.toMap(TrafficRow::key, TrafficRow::bytes));
    assertFalse(want.isEmpty());
    assertEquals(want, rows);
  }

  @Test
  void should_read_the_zone_from_the_label_it_is_told_and_select_by_cluster() throws Exception {
    // No node has that label: every byte would be unknown-zone, which is exit 5 with the cause.
    CliRun run = report("--zone-label", "label_not_there", "-o", "json");
    assertEquals(5, run.exitCode(), run.describe());
    assertTrue(run.err().contains("no node has a zone"), run.describe());
    assertTrue(run.err().contains("label_not_there"), run.describe());
    // the simulated series carry no cluster label, so selecting one matches nothing
    CliRun other = report("--cluster", "prod-eu");
    assertEquals(5, other.exitCode(), other.describe());
  }

  @Test
  void should_use_the_range_semantics_it_is_told() throws Exception {
    JsonNode auto = ReportRows.parse(report("-o", "json").out());
    assertTrue(auto.get("metadata").get("queries").toString().contains("[7200s]"), "Prometheus 2");
    CliRun forced = report("--range-semantics", "left-open", "-o", "json");
    assertEquals(0, forced.exitCode(), forced.describe());
    JsonNode doc = ReportRows.parse(forced.out());
    assertTrue(
        doc.get("metadata").get("queries").toString().contains("[7200001ms]"), forced.describe());
    // the simulated samples sit on whole minutes, so one more millisecond reads nothing more
    assertEquals(auto.get("totals"), doc.get("totals"));
    CliRun bad = report("--range-semantics", "open");
    assertEquals(2, bad.exitCode(), bad.describe());
  }
}
