package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cli.CliRun;
import dev.zonecost.prometheus.QueryResult;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --use-recording-rules} against a real Prometheus whose history holds the series
 * that {@code zonecost rules} records, backfilled by promtool from the simulated cluster's raw
 * series as a Prometheus with the rules loaded would have recorded them: the report's rows are the
 * recorded samples of (start, end] summed, each to the byte (read back sample by sample, while the
 * report reads the hourly roll-up for the window's whole hours); its totals are near the exact
 * report's (the rules are an approximation, and the test prints how near); what the recorded series
 * cannot give is refused.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RecordingRulesIT {
  private static final Instant END = Instant.parse("2026-11-01T03:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(5);
  @TempDir static Path tmp;
  private static SimulatedCluster cluster;
  private static PrometheusServer prom;
  private static PrometheusServer raw;

  @BeforeAll
  static void start() throws Exception {
    cluster = Simulator.generate(SimulationSpec.builder("edge", END).hours(3).seed(42).build());
    Path rawDir = Files.createDirectories(tmp.resolve("raw"));
    raw = PrometheusServer.start(rawDir, cluster::writeOpenMetrics);
    Path recordedDir = Files.createDirectories(tmp.resolve("recorded"));
    PrometheusServer first = PrometheusServer.start(recordedDir, cluster::writeOpenMetrics);
    // The per-pair rule only: promtool cannot backfill rules that read other recorded series,
    // and the report reads only this one.
    JsonNode rules =
        new ObjectMapper(new YAMLFactory()).readTree(run(first, "rules", "--interval", "5m").out());
    JsonNode pairRule = rules.get("groups").get(0).get("rules").get(0);
    ObjectNode only = new ObjectMapper().createObjectNode();
    ObjectNode group = only.putArray("groups").addObject();
    group.put("name", "zonecost.recording").put("interval", "5m");
    group.putArray("rules").add(pairRule);
    Path file = recordedDir.resolve("pair-rule.yml");
    new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), only);
    PrometheusServer second = first.withRecordedRules(file, cluster.dataStart(), END, INTERVAL);
    // The hourly roll-up, evaluated on the recorded series as a Prometheus with the rules would.
    JsonNode rollupGroup = rules.get("groups").get(2);
    assertEquals("zonecost.rollup", rollupGroup.get("name").asText());
    ObjectNode rollupOnly = new ObjectMapper().createObjectNode();
    rollupOnly.putArray("groups").add(rollupGroup);
    Path rollupFile = recordedDir.resolve("rollup-rule.yml");
    new ObjectMapper(new YAMLFactory()).writeValue(rollupFile.toFile(), rollupOnly);
    prom = second.withRecordedRules(rollupFile, cluster.dataStart(), END, Duration.ofHours(1));
  }

  @AfterAll
  static void stop() {
    for (PrometheusServer s : new PrometheusServer[] {prom, raw}) {
      if (s != null) {
        s.close();
      }
    }
  }

  static CliRun run(PrometheusServer server, String... args) {
    List<String> all = new ArrayList<>();
    all.add(args[0]);
    if (!args[0].equals("rules")) {
      all.addAll(List.of("--prometheus-url", server.url()));
    }
    all.addAll(List.of(args).subList(1, args.length));
    return CliRun.run(Clock.fixed(END, ZoneOffset.UTC), all.toArray(String[]::new));
  }

  private static String key(JsonNode r) {
    return r.get("source_namespace").asText()
        + "/"
        + r.get("source_workload").asText()
        + " -> "
        + r.get("destination_namespace").asText()
        + "/"
        + r.get("destination_workload").asText()
        + " "
        + r.get("source_zone").asText()
        + "->"
        + r.get("destination_zone").asText();
  }

  /** The recorded samples with timestamps in (start, end], summed per pair, read one by one. */
  private static Map<String, Long> recordedSum(Instant start, Instant end) throws Exception {
    Map<String, Double> sum = new TreeMap<>();
    try (var client =
        new dev.zonecost.prometheus.PrometheusClient(
            new dev.zonecost.prometheus.PrometheusConfig(
                okhttp3.HttpUrl.get(prom.url()),
                null,
                0,
                null,
                null,
                null,
                null,
                false,
                null,
                null))) {
      long seconds = Duration.between(start, end).toSeconds() + 600;
      QueryResult r =
          client.query("zonecost:retina_pair_zone_bytes:increase5m[" + seconds + "s]", end);
      for (Series s : r.series()) {
        for (Sample x : s.samples()) {
          if (x.timestampMillis() > start.toEpochMilli()
              && x.timestampMillis() <= end.toEpochMilli()) {
            String k =
                s.label("source_namespace")
                    + "/"
                    + s.label("source_workload")
                    + " -> "
                    + s.label("destination_namespace")
                    + "/"
                    + s.label("destination_workload")
                    + " "
                    + (s.label("source_zone").isEmpty() ? "unknown" : s.label("source_zone"))
                    + "->"
                    + (s.label("destination_zone").isEmpty()
                        ? "unknown"
                        : s.label("destination_zone"));
            sum.merge(k, x.value(), Double::sum);
          }
        }
      }
    }
    Map<String, Long> out = new TreeMap<>();
    sum.forEach((k, v) -> out.put(k, Math.round(v)));
    return out;
  }

  @Test
  void rows_are_the_recorded_samples_of_the_window_summed() throws Exception {
    // Aligned to the interval, and starting and ending off it: the rows hold the samples whose
    // intervals end in (start, end].
    Instant aligned = cluster.start().plus(Duration.ofMinutes(10));
    for (Instant[] w :
        new Instant[][] {
          {aligned, END},
          {aligned.plusSeconds(150), END.minusSeconds(200)},
        }) {
      CliRun r =
          run(
              prom,
              "report",
              "--start",
              w[0].toString(),
              "--end",
              w[1].toString(),
              "--use-recording-rules",
              "-o",
              "json");
      assertEquals(0, r.exitCode(), r.describe());
      JsonNode doc = ReportRows.parse(r.out());
      Map<String, Long> got = new TreeMap<>();
      for (JsonNode row : doc.get("rows")) {
        got.merge(key(row), row.get("bytes").asLong(), Long::sum);
      }
      assertTrue(got.size() > 10, "rows: " + got);
      assertEquals(recordedSum(w[0], w[1]), got, "window " + w[0] + " .. " + w[1]);
      assertEquals("recording-rules", doc.get("metadata").get("algorithm").asText());
      assertTrue(
          doc.get("metadata").get("queries").toString().contains("increase5m_sum1h["),
          "the window's whole hours come from the hourly roll-up: " + doc.get("metadata"));
    }
  }

  @Test
  void totals_are_near_the_exact_report_and_the_table_says_they_are_approximate() throws Exception {
    Instant start = cluster.start().plus(Duration.ofMinutes(10));
    CliRun r =
        run(
            prom,
            "report",
            "--start",
            start.toString(),
            "--end",
            END.toString(),
            "--use-recording-rules");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().contains("from recording rules (approximate)"), r.out());
    long exactCross = 0;
    for (TrafficRow row : cluster.answer().expected(start, END)) {
      if (row.locality() == Locality.CROSS_ZONE) {
        exactCross += row.bytes();
      }
    }
    JsonNode doc =
        ReportRows.parse(
            run(
                    prom,
                    "report",
                    "--start",
                    start.toString(),
                    "--end",
                    END.toString(),
                    "--use-recording-rules",
                    "-o",
                    "json")
                .out());
    long recordedCross = doc.get("totals").get("cross-zone").asLong();
    double error = (recordedCross - exactCross) / (double) exactCross;
    System.out.printf(
        "RecordingRulesIT: cross-zone bytes from recording rules %d, simulator %d: %+.2f%%%n",
        recordedCross, exactCross, 100 * error);
    // The rules miss each series' first interval and count reused pod names per incarnation
    // only through the join: a few percent, as README says; this bound catches a broken read.
    assertTrue(Math.abs(error) < 0.10, "within 10% of the exact answer: " + error);
  }

  @Test
  void a_prometheus_without_the_recorded_series_is_not_enough_data() {
    CliRun r =
        run(
            raw,
            "report",
            "--start",
            cluster.start().toString(),
            "--end",
            END.toString(),
            "--use-recording-rules");
    assertEquals(5, r.exitCode(), r.describe());
    assertTrue(r.err().contains("zonecost rules --interval 5m"), r.err());
    assertEquals("", r.out());
  }
}
