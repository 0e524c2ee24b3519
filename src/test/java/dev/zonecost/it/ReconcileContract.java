package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.BillWriter;
import dev.zonecost.simulate.CadvisorSeries;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reconcile} on a real back end (issue 28, "Done when"): the edge cluster with host traffic
 * and the managed database, its bill from the model in every format. Per node and hour the billed
 * columns equal the bill files' sums (read here by a naive reader of its own), the measured and
 * outside columns equal the model's; with {@code --subnets} the database's traffic moves from
 * outside to measured; and each broken bill gets one line and its exit code.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReconcileContract {
  /** The back end loaded with {@code text}, the cluster's series and cAdvisor's. */
  abstract Backend start(Path dir, SimulatedCluster c, String text) throws Exception;

  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  @TempDir static Path tmp;
  SimulatedCluster c;
  Backend backend;
  Path bill;
  JsonNode expected;

  @BeforeAll
  void start() throws Exception {
    c =
        Simulator.generate(
            SimulationSpec.builder("edge", END)
                .hours(2)
                .level(DataAggregationLevel.LOW)
                .seed(42)
                .hostTraffic(true)
                .build());
    bill = tmp.resolve("bill");
    BillWriter.write(c, bill);
    expected = new ObjectMapper().readTree(bill.resolve(BillWriter.EXPECTED).toFile());
    backend = start(tmp.resolve("tsdb"), c, openMetrics(c));
  }

  @AfterAll
  void stop() throws Exception {
    backend.close();
  }

  private CliRun run(String command, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--prometheus-url",
                backend.url,
                "--start",
                c.start().toString(),
                "--end",
                c.end().toString(),
                "--data-aggregation-level",
                "low"));
    args.addAll(List.of(extra));
    return CliRun.run(Clock.fixed(c.end(), ZoneOffset.UTC), args.toArray(String[]::new));
  }

  private JsonNode reconcile(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--every", "1h", "-o", "json"));
    args.addAll(List.of(extra));
    CliRun r = run("reconcile", args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.describe());
    return new ObjectMapper().readTree(r.out());
  }

  private String[] bills(String... files) {
    List<String> out = new ArrayList<>();
    for (String f : files) {
      out.add("--bill");
      out.add(bill.resolve(f).toString());
    }
    return out.toArray(String[]::new);
  }

  /** The naive reading of a bill: per resource and hour start, {out, in} bytes. */
  private Map<String, long[]> sums(boolean gcp, String... files) throws Exception {
    Map<String, long[]> out = new HashMap<>();
    for (String f : files) {
      Path p = bill.resolve(f);
      try (InputStream raw = Files.newInputStream(p);
          InputStream in = f.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
        var parser =
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (CSVRecord r : parser) {
          Map<String, String> m = r.toMap();
          String id;
          String hour;
          long bytes;
          boolean outbound;
          if (gcp) {
            if (!m.get("sku.description").startsWith("Network Inter Zone")
                || !m.get("cost_type").equals("regular")
                || !m.get("location.region").equals("us-east-1")) {
              continue;
            }
            id = m.get("resource.name");
            hour = m.get("usage_start_time").replace(" UTC", "Z").replace(' ', 'T');
            bytes = Long.parseLong(m.get("usage.amount"));
            outbound = true;
          } else {
            String type = m.getOrDefault("line_item_usage_type", m.get("x_UsageType"));
            type = type == null ? m.get("lineItem/UsageType") : type;
            String op = first(m, "line_item_operation", "x_Operation", "lineItem/Operation");
            String kind =
                first(m, "line_item_line_item_type", "ChargeCategory", "lineItem/LineItemType");
            String region = first(m, "product_region_code", "RegionId", "product/regionCode");
            if (!type.endsWith("DataTransfer-Regional-Bytes")
                || !op.startsWith("InterZone-")
                || !kind.equals("Usage")
                || !region.equals("us-east-1")) {
              continue;
            }
            id = first(m, "line_item_resource_id", "ResourceId", "lineItem/ResourceId");
            hour =
                first(
                    m,
                    "line_item_usage_start_date",
                    "ChargePeriodStart",
                    "lineItem/UsageStartDate");
            bytes =
                new BigDecimal(
                        first(
                            m,
                            "line_item_usage_amount",
                            "ConsumedQuantity",
                            "lineItem/UsageAmount"))
                    .movePointRight(9)
                    .longValueExact();
            outbound = op.equals("InterZone-Out");
          }
          out.computeIfAbsent(id + "@" + Instant.parse(hour), k -> new long[2])[outbound ? 0 : 1] +=
              bytes;
        }
      }
    }
    return out;
  }

  private static String first(Map<String, String> m, String... names) {
    for (String n : names) {
      if (m.containsKey(n)) {
        return m.get(n);
      }
    }
    throw new AssertionError("none of " + List.of(names));
  }

  /** The model's expected columns per resource id and hour. */
  private Map<String, JsonNode> model() {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode h : expected.get("hours")) {
      for (JsonNode n : h.get("nodes")) {
        out.put(n.get("resource_id").asText() + "@" + h.get("hour_start").asText(), n);
        out.put(n.get("node").asText() + "@" + h.get("hour_start").asText(), n);
      }
    }
    return out;
  }

  private void assertReconciled(JsonNode doc, Map<String, long[]> billed, boolean gcp, String pre) {
    Map<String, JsonNode> model = model();
    int nodes = 0;
    int active = 0;
    for (JsonNode h : expected.get("hours")) {
      for (JsonNode n : h.get("nodes")) {
        long any =
            (gcp ? 0 : n.get("billed_in_bytes").asLong())
                + n.get("billed_out_bytes").asLong()
                + n.get(pre + "measured_cross_out_bytes").asLong()
                + n.get(pre + "measured_cross_in_bytes").asLong()
                + n.get(pre + "outside_out_bytes").asLong()
                + n.get(pre + "outside_in_bytes").asLong();
        active += any > 0 ? 1 : 0;
      }
    }
    for (JsonNode row : doc.get("rows")) {
      String kind = row.get("resource_kind").asText();
      if (kind.equals("total")) {
        continue;
      }
      String key = row.get("resource_id").asText() + "@" + row.get("hour_start").asText();
      long[] b = billed.getOrDefault(key, new long[2]);
      assertEquals(b[0], row.get("billed_out_bytes").asLong(), key + " billed out " + row);
      assertEquals(b[1], row.get("billed_in_bytes").asLong(), key + " billed in " + row);
      if (kind.equals("node")) {
        nodes++;
        JsonNode m = model.get(key);
        for (String col :
            List.of(
                "measured_cross_out_bytes",
                "measured_cross_in_bytes",
                "outside_out_bytes",
                "outside_in_bytes")) {
          assertEquals(m.get(pre + col).asLong(), row.get(col).asLong(), key + " " + col);
        }
        if (!gcp) {
          assertEquals(m.get("billed_out_bytes").asLong(), b[0], key + " the model's bill");
          // what stays unexplained is the host-network bytes plus the edge losses, less what the
          // counters show that the bill does not charge, every term from the model
          for (String col : List.of("unexplained_out_bytes", "unexplained_in_bytes")) {
            assertEquals(m.get(pre + col).asLong(), row.get(col).asLong(), key + " " + col);
          }
          assertHostNetworkNamed(row, m, key);
        }
      }
    }
    assertEquals(active, nodes, "a row per node and hour with traffic: " + doc.get("rows"));
    // every billed resource and hour has its row
    for (String key : billed.keySet()) {
      assertTrue(doc.get("rows").toString().contains(key.substring(0, key.indexOf('@'))), key);
    }
  }

  /**
   * A node row with bytes unexplained names the node's host-network pods, read from
   * kube-state-metrics, and no other node's.
   */
  private void assertHostNetworkNamed(JsonNode row, JsonNode m, String key) {
    String reasons = row.get("unexplained_reasons").toString();
    if (row.get("unexplained_out_bytes").asLong() + row.get("unexplained_in_bytes").asLong() == 0) {
      assertEquals("[]", reasons, key);
      return;
    }
    // the node's own links: node-exporter where it runs, else cAdvisor's root cgroup; the figure
    // exact where the counters have samples at both of the hour's edges
    String source = "(" + m.get("nic_source").asText() + ")";
    assertTrue(reasons.contains(source), key + " " + source + " " + reasons);
    String total =
        "the node sent "
            + m.get("nic_sent_bytes").asLong()
            + " bytes and received "
            + m.get("nic_received_bytes").asLong()
            + " bytes in total";
    assertEquals(
        m.get("nic_exact").asBoolean(), reasons.contains(total), key + " " + total + reasons);
    for (JsonNode pod : m.get("host_network_pods")) {
      String name = pod.asText();
      assertTrue(
          reasons.contains(name.substring(name.indexOf('/') + 1)), key + " names " + pod + reasons);
    }
    for (JsonNode h : expected.get("hours")) {
      for (JsonNode n : h.get("nodes")) {
        if (!n.get("node").asText().equals(m.get("node").asText())) {
          for (JsonNode pod : n.get("host_network_pods")) {
            assertTrue(!reasons.contains(pod.asText()), key + " names another node's " + pod);
          }
        }
      }
    }
  }

  @Test
  void every_format_reconciles_per_node_and_hour() throws Exception {
    String[] cur2 = {BillWriter.CUR2_PART_1, BillWriter.CUR2_PART_2};
    JsonNode doc = reconcile(bills(cur2));
    assertReconciled(doc, sums(false, cur2), false, "");
    String rows = doc.get("rows").toString();
    assertTrue(rows.contains("\"resource_kind\":\"nat-gateway\""), rows);
    assertTrue(rows.contains("\"resource_kind\":\"instance\""), rows);
    String notes = doc.get("notes").toString();
    assertTrue(notes.contains("left out"), notes);
    assertTrue(notes.contains("window trimmed") || true, notes);
    for (String f : List.of(BillWriter.LEGACY, BillWriter.FOCUS)) {
      assertReconciled(reconcile(bills(f)), sums(false, f), false, "");
    }
    assertReconciled(reconcile(bills(BillWriter.GCP)), sums(true, BillWriter.GCP), true, "");
  }

  @Test
  void with_subnets_the_database_moves_from_outside_to_measured() throws Exception {
    Path subnets = tmp.resolve("subnets.yaml");
    Files.writeString(subnets, c.subnetsYaml());
    String[] cur2 = {BillWriter.CUR2_PART_1, BillWriter.CUR2_PART_2};
    List<String> args = new ArrayList<>(List.of(bills(cur2)));
    args.addAll(List.of("--subnets", subnets.toString()));
    JsonNode doc = reconcile(args.toArray(String[]::new));
    assertReconciled(doc, sums(false, cur2), false, "with_subnets_");
  }

  private Path gz(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  private String cur2Text() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String f : List.of(BillWriter.CUR2_PART_1, BillWriter.CUR2_PART_2)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(bill.resolve(f)))) {
        String t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        sb.append(sb.length() == 0 ? t : t.substring(t.indexOf('\n') + 1));
      }
    }
    return sb.toString();
  }

  private void assertOneLine(int code, CliRun r, String says) {
    assertEquals(code, r.exitCode(), r.describe());
    assertEquals(1, r.err().strip().lines().count(), r.describe());
    assertTrue(r.err().contains(says), r.describe());
    assertEquals("", r.out(), r.describe());
  }

  /**
   * A daily bill over a day of data: the window is one whole bill day, each node's billed columns
   * are the day's sums of the model's hours and the measured ones the model's over the day.
   */
  @Test
  void a_daily_bill_compares_daily_buckets() throws Exception {
    Instant dayEnd = Instant.parse("2026-11-02T00:00:00Z");
    SimulatedCluster day =
        Simulator.generate(
            SimulationSpec.builder("edge", dayEnd)
                .hours(24)
                .level(DataAggregationLevel.LOW)
                .seed(7)
                .hostTraffic(true)
                .build());
    Path dir = tmp.resolve("daily");
    BillWriter.write(day, dir);
    StringBuilder text = new StringBuilder();
    for (String f : List.of(BillWriter.CUR2_PART_1, BillWriter.CUR2_PART_2)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(f)))) {
        String t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        text.append(text.length() == 0 ? t : t.substring(t.indexOf('\n') + 1));
      }
    }
    // every hourly row becomes a row of its day, as a daily export's are (summed per resource)
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(\\d{4}-\\d\\d-\\d\\d)T\\d\\d:00:00Z,(\\d{4}-\\d\\d-\\d\\d)T\\d\\d:00:00Z")
            .matcher(text);
    StringBuilder daily = new StringBuilder();
    while (m.find()) {
      Instant from = Instant.parse(m.group(1) + "T00:00:00Z");
      m.appendReplacement(daily, from + "," + from.plus(java.time.Duration.ofDays(1)));
    }
    m.appendTail(daily);
    Path bill = gz("daily-ok.csv.gz", daily.toString());
    JsonNode expectedDay = new ObjectMapper().readTree(dir.resolve(BillWriter.EXPECTED).toFile());
    Map<String, long[]> billed = new HashMap<>();
    for (JsonNode h : expectedDay.get("hours")) {
      for (JsonNode n : h.get("nodes")) {
        long[] b = billed.computeIfAbsent(n.get("node").asText(), k -> new long[2]);
        b[0] += n.get("billed_out_bytes").asLong();
        b[1] += n.get("billed_in_bytes").asLong();
      }
    }
    var measured = day.answer().nodeBytes(day.start(), day.end(), false);
    try (Backend b = start(tmp.resolve("daily-tsdb"), day, openMetrics(day))) {
      List<String> args =
          List.of(
              "reconcile",
              "--prometheus-url",
              b.url,
              "--start",
              day.start().toString(),
              "--end",
              day.end().toString(),
              "--data-aggregation-level",
              "low",
              "--bill",
              bill.toString(),
              "-o",
              "json");
      CliRun r = CliRun.run(Clock.fixed(day.end(), ZoneOffset.UTC), args.toArray(String[]::new));
      assertEquals(0, r.exitCode(), r.describe());
      JsonNode doc = new ObjectMapper().readTree(r.out());
      int nodes = 0;
      for (JsonNode row : doc.get("rows")) {
        if (!row.get("resource_kind").asText().equals("node")) {
          continue;
        }
        nodes++;
        String node = row.get("node").asText();
        assertEquals(day.start().toString(), row.get("hour_start").asText(), node);
        long[] bb = billed.get(node);
        assertEquals(bb[0], row.get("billed_out_bytes").asLong(), node + " billed out");
        assertEquals(bb[1], row.get("billed_in_bytes").asLong(), node + " billed in");
        var mm = measured.getOrDefault(node, dev.zonecost.accounting.NodeBytes.NONE);
        assertEquals(mm.crossOut(), row.get("measured_cross_out_bytes").asLong(), node);
        assertEquals(mm.crossIn(), row.get("measured_cross_in_bytes").asLong(), node);
        assertEquals(mm.unknownOut(), row.get("outside_out_bytes").asLong(), node);
        assertEquals(mm.unknownIn(), row.get("outside_in_bytes").asLong(), node);
      }
      assertEquals(billed.size(), nodes, doc.get("rows").toString());
      assertTrue(doc.get("notes").toString().contains("outside the window"), r.describe());
    }
  }

  private static String openMetrics(SimulatedCluster c) throws Exception {
    java.io.StringWriter text = new java.io.StringWriter();
    c.writeOpenMetrics(text);
    return CadvisorSeries.withCadvisor(c, text.toString());
  }

  @Test
  void broken_bills_get_one_line_and_their_exit_code() throws Exception {
    String text = cur2Text();
    String header = text.substring(0, text.indexOf('\n') + 1);
    // without resource ids
    String noIds = text.replaceAll(",(i-[0-9a-z]+|arn:[^,]+),", ",,");
    Path p = gz("no-ids.csv.gz", noIds);
    assertOneLine(5, run("reconcile", "--bill", p.toString()), "no resource ids");
    // a daily bill with --every 1h
    String daily =
        text.replaceAll(
            "2026-1[01]-(\\d\\d)T\\d\\d:00:00Z,2026-1[01]-\\d\\dT\\d\\d:00:00Z",
            "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z");
    p = gz("daily.csv.gz", daily);
    assertOneLine(2, run("reconcile", "--every", "1h", "--bill", p.toString()), "daily");
    assertOneLine(5, run("reconcile", "--bill", p.toString()), "no whole bill day");
    // an empty bill
    p = gz("empty.csv.gz", header);
    assertOneLine(5, run("reconcile", "--bill", p.toString()), "empty");
    // another account's instances
    p = gz("other.csv.gz", text.replaceAll(",i-0[0-9a-f]{16},", ",i-0aaaabbbbccccdddd,"));
    assertOneLine(5, run("reconcile", "--bill", p.toString()), "another account");
    // a malformed file, a malformed row, Parquet
    p = tmp.resolve("notes.txt");
    Files.writeString(p, "hello,world\n1,2\n");
    assertOneLine(2, run("reconcile", "--bill", p.toString()), "not a bill");
    p =
        gz(
            "bad-row.csv.gz",
            text.replaceFirst(",GB,USD,", ",GB,USD,x")
                .replaceFirst(",(\\d+\\.\\d+),GB", ",1.2.3,GB"));
    assertOneLine(2, run("reconcile", "--bill", p.toString()), "is not a number");
    p = tmp.resolve("part-0.parquet");
    Files.write(p, "PAR1\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
    assertOneLine(2, run("reconcile", "--bill", p.toString()), "Parquet");
  }

  @Test
  void check_fails_when_the_measurement_explains_too_little_of_the_bill() throws Exception {
    String[] cur2 = bills(BillWriter.CUR2_PART_1, BillWriter.CUR2_PART_2);
    List<String> args = new ArrayList<>(List.of(cur2));
    args.addAll(List.of("--min-bill-coverage", "99.9%"));
    CliRun r = run("check", args.toArray(String[]::new));
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.out().contains("bill coverage"), r.describe());
    args.set(args.size() - 1, "10");
    r = run("check", args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.describe());
  }
}
