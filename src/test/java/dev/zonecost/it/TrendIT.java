package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cli.CliRun;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --every} and {@code report --compare-to} against a real Prometheus: every bucket is
 * the simulator's exact answer for that bucket (DESIGN §3), the buckets add up to the window less
 * the increments straddling their edges, and a comparison's changes are the differences of the
 * simulator's answers.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class TrendIT {
  private static final Instant END = Instant.parse("2026-11-01T03:00:00Z");
  @TempDir static Path tmp;
  private static SimulatedCluster cluster;
  private static PrometheusServer prom;

  @BeforeAll
  static void start() throws Exception {
    cluster = Simulator.generate(SimulationSpec.builder("edge", END).hours(3).seed(42).build());
    prom = PrometheusServer.start(tmp, cluster::writeOpenMetrics);
  }

  @AfterAll
  static void stop() {
    if (prom != null) {
      prom.close();
    }
  }

  static CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("report", "--prometheus-url", prom.url()));
    all.addAll(List.of(args));
    CliRun r = CliRun.run(Clock.fixed(END, ZoneOffset.UTC), all.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.describe());
    return r;
  }

  static String key(String sns, String sw, String dns, String dw, String sz, String dz) {
    return sns + "/" + sw + " -> " + dns + "/" + dw + " " + sz + "->" + dz;
  }

  static Map<String, Long> expected(Instant start, Instant end) {
    Map<String, Long> out = new TreeMap<>();
    for (TrafficRow r : cluster.answer().expected(start, end)) {
      out.merge(
          key(
              r.key().source().namespace(),
              r.key().source().name(),
              r.key().destination().namespace(),
              r.key().destination().name(),
              r.key().sourceZone(),
              r.key().destinationZone()),
          r.bytes(),
          Long::sum);
    }
    return out;
  }

  @Test
  void every_bucket_is_exact_and_the_buckets_add_up_to_the_window_less_the_straddling()
      throws Exception {
    // Starts and ends between scrapes and off the hour: the first and last buckets are partial.
    Instant start = cluster.start().plus(Duration.ofMinutes(17)).plusSeconds(30);
    Instant end = END.minus(Duration.ofMinutes(11)).minusSeconds(20);
    for (String every : List.of("1h", "20m")) {
      JsonNode doc =
          ReportRows.parse(
              run(
                      "--start",
                      start.toString(),
                      "--end",
                      end.toString(),
                      "--every",
                      every,
                      "-o",
                      "json")
                  .out());
      JsonNode trend = doc.get("trend");
      JsonNode buckets = trend.get("buckets");
      long step = dev.zonecost.time.TimeParsing.duration(every).toSeconds();
      long sum = 0;
      long expectedSum = 0;
      for (int i = 0; i < buckets.size(); i++) {
        Instant bs = Instant.parse(buckets.get(i).get("start").asText());
        Instant be = Instant.parse(buckets.get(i).get("end").asText());
        assertEquals(i == 0 ? start : Instant.ofEpochSecond(bs.getEpochSecond()), bs);
        if (i > 0) {
          assertEquals(0, bs.getEpochSecond() % step, "aligned edge " + bs);
        }
        Map<String, Long> got = new TreeMap<>();
        for (JsonNode s : trend.get("series")) {
          long b = s.get("bytes").get(i).asLong();
          if (b != 0) {
            got.put(
                key(
                    s.get("source_namespace").asText(),
                    s.get("source_workload").asText(),
                    s.get("destination_namespace").asText(),
                    s.get("destination_workload").asText(),
                    s.get("source_zone").asText(),
                    s.get("destination_zone").asText()),
                b);
          }
        }
        Map<String, Long> want = expected(bs, be);
        want.values().removeIf(v -> v == 0);
        assertEquals(want, got, "bucket " + bs + " .. " + be + " (every " + every + ")");
        sum += buckets.get(i).get("all").asLong();
        expectedSum += want.values().stream().mapToLong(Long::longValue).sum();
      }
      assertEquals(end, Instant.parse(buckets.get(buckets.size() - 1).get("end").asText()));
      long whole = doc.get("totals").get("all").asLong();
      long wantWhole = expected(start, end).values().stream().mapToLong(Long::longValue).sum();
      assertEquals(wantWhole, whole);
      assertEquals(expectedSum, sum);
      assertEquals(whole - sum, trend.get("straddlingBytes").asLong());
      assertTrue(whole - sum >= 0, "buckets never hold more than the window");
      System.out.printf(
          "TrendIT every=%s buckets=%d window=%d sum-of-buckets=%d straddling=%d (%.4f%% of the"
              + " window); every bucket exact to the byte%n",
          every, buckets.size(), whole, sum, whole - sum, 100.0 * (whole - sum) / whole);
    }
  }

  @Test
  void buckets_meeting_on_the_first_sample_of_born_series_count_each_birth_once() throws Exception {
    Instant born =
        cluster.flowBirths().stream()
            .filter(t -> t.getEpochSecond() % 300 == 0) // on an edge of 5-minute buckets
            .filter(t -> t.isAfter(cluster.start().plus(Duration.ofMinutes(10))))
            .filter(t -> t.isBefore(END.minus(Duration.ofMinutes(10))))
            .findFirst()
            .orElseThrow();
    Instant start = born.minus(Duration.ofMinutes(10));
    Instant end = born.plus(Duration.ofMinutes(10));
    JsonNode doc =
        ReportRows.parse(
            run("--start", start.toString(), "--end", end.toString(), "--every", "5m", "-o", "json")
                .out());
    JsonNode buckets = doc.get("trend").get("buckets");
    long sum = 0;
    long expectedSum = 0;
    for (int i = 0; i < buckets.size(); i++) {
      Instant bs = Instant.parse(buckets.get(i).get("start").asText());
      Instant be = Instant.parse(buckets.get(i).get("end").asText());
      sum += buckets.get(i).get("all").asLong();
      expectedSum += expected(bs, be).values().stream().mapToLong(Long::longValue).sum();
    }
    long whole = doc.get("totals").get("all").asLong();
    assertEquals(expectedSum, sum, "every bucket is the model's answer");
    assertTrue(
        sum <= whole, "buckets meeting at " + born + " hold " + sum + " > the window's " + whole);
  }

  @Test
  void csv_appends_bucket_start_and_holds_the_buckets_rows() throws Exception {
    String csv =
        run(
                "--start",
                cluster.start().toString(),
                "--end",
                END.toString(),
                "--every",
                "1h",
                "-o",
                "csv")
            .out();
    List<String> lines = csv.lines().toList();
    assertTrue(lines.get(0).endsWith(",currency,bucket_start"), lines.get(0));
    Map<String, Long> perBucket = new HashMap<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      perBucket.merge(c[c.length - 1], Long.parseLong(c[c.length - 4]), Long::sum);
    }
    for (int h = 0; h < 3; h++) {
      Instant bs = cluster.start().plus(Duration.ofHours(h));
      long want =
          expected(bs, bs.plus(Duration.ofHours(1))).values().stream()
              .mapToLong(Long::longValue)
              .sum();
      assertEquals(want, perBucket.getOrDefault(bs.toString(), 0L), "bucket " + bs);
    }
  }

  private static String withoutCosts(JsonNode changes) {
    JsonNode copy = changes.deepCopy();
    for (JsonNode ch : copy) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) ch)
          .remove(List.of("costBefore", "costAfter", "costChange"));
    }
    return copy.toString();
  }

  @Test
  void compare_to_ranks_the_changes_in_cross_zone_bytes(@TempDir Path dir) throws Exception {
    Instant a = cluster.start();
    Instant b = a.plus(Duration.ofHours(1));
    Instant c = END.minus(Duration.ofHours(1));
    JsonNode doc =
        ReportRows.parse(
            run(
                    "--start",
                    c.toString(),
                    "--end",
                    END.toString(),
                    "--compare-to",
                    a + "/" + b,
                    "-o",
                    "json")
                .out());
    Map<String, long[]> want = new HashMap<>();
    for (int side = 0; side < 2; side++) {
      List<TrafficRow> rows =
          side == 0 ? cluster.answer().expected(a, b) : cluster.answer().expected(c, END);
      for (TrafficRow r : rows) {
        String k =
            r.key().source().namespace()
                + "/"
                + r.key().source().name()
                + " -> "
                + r.key().destination().namespace()
                + "/"
                + r.key().destination().name();
        long[] v = want.computeIfAbsent(k, x -> new long[4]);
        v[side + 2] += 1; // present
        if (r.locality() == Locality.CROSS_ZONE) {
          v[side] += r.bytes();
        }
      }
    }
    JsonNode changes = doc.get("changes");
    assertEquals(want.size(), changes.size());
    long previous = Long.MAX_VALUE;
    for (JsonNode ch : changes) {
      String k =
          ch.get("source_namespace").asText()
              + "/"
              + ch.get("source_workload").asText()
              + " -> "
              + ch.get("destination_namespace").asText()
              + "/"
              + ch.get("destination_workload").asText();
      long[] v = want.get(k);
      assertEquals(v[0], ch.get("crossBefore").asLong(), k);
      assertEquals(v[1], ch.get("crossAfter").asLong(), k);
      String status = v[2] == 0 ? "new" : v[3] == 0 ? "vanished" : null;
      if (status != null) {
        assertEquals(status, ch.get("status").asText(), k);
      }
      long delta = Math.abs(ch.get("crossChange").asLong());
      assertTrue(delta <= previous, "ranked by the change in cross-zone bytes");
      previous = delta;
    }
    // The same against a saved report of the earlier window.
    Path saved = dir.resolve("before.json");
    run(
        "--start",
        a.toString(),
        "--end",
        b.toString(),
        "-o",
        "json",
        "--output-file",
        saved.toString());
    JsonNode fromFile =
        ReportRows.parse(
            run(
                    "--start",
                    c.toString(),
                    "--end",
                    END.toString(),
                    "--compare-to",
                    saved.toString(),
                    "-o",
                    "json")
                .out());
    // A saved report keeps costs to 9 decimals: the bytes and the statuses match exactly.
    assertEquals(withoutCosts(changes), withoutCosts(fromFile.get("changes")));
    assertTrue(Files.exists(saved));
    String table =
        run("--start", c.toString(), "--end", END.toString(), "--compare-to", a + "/" + b).out();
    assertTrue(table.contains("CROSS CHANGE"), table);
  }

  @Test
  void compare_to_lists_the_later_window_rollouts_of_the_top_movers() throws Exception {
    Instant a = cluster.start();
    Instant b = a.plus(Duration.ofHours(1));
    List<SimulatedCluster.Rollout> made = cluster.rollouts(b, END);
    assertEquals(1, made.size(), "the edge cluster rolls app-server/server out once: " + made);
    JsonNode doc =
        ReportRows.parse(
            run(
                    "--start",
                    b.toString(),
                    "--end",
                    END.toString(),
                    "--compare-to",
                    a + "/" + b,
                    "-o",
                    "json")
                .out());
    int movers = 0;
    int withRollout = 0;
    for (JsonNode ch : doc.get("changes")) {
      boolean mover = !ch.get("status").asText().equals("unchanged") && movers < 5;
      assertEquals(mover, ch.has("rollouts"), "rollouts listed for the top 5 movers only: " + ch);
      if (!mover) {
        continue;
      }
      movers++;
      List<String> want = new ArrayList<>();
      for (SimulatedCluster.Rollout r : made) {
        boolean ours =
            (r.namespace().equals(ch.get("source_namespace").asText())
                    && r.deployment().equals(ch.get("source_workload").asText()))
                || (r.namespace().equals(ch.get("destination_namespace").asText())
                    && r.deployment().equals(ch.get("destination_workload").asText()));
        if (ours) {
          want.add(r.namespace() + "/" + r.deployment() + " " + r.replicaSet() + " " + r.at());
        }
      }
      List<String> got = new ArrayList<>();
      for (JsonNode r : ch.get("rollouts")) {
        got.add(
            r.get("namespace").asText()
                + "/"
                + r.get("deployment").asText()
                + " "
                + r.get("replicaset").asText()
                + " "
                + r.get("created").asText());
      }
      assertEquals(want, got, ch.toString());
      withRollout += got.isEmpty() ? 0 : 1;
    }
    assertEquals(5, movers);
    assertTrue(withRollout > 0, "the rollout moved the top pairs' traffic");

    String table =
        run("--start", b.toString(), "--end", END.toString(), "--compare-to", a + "/" + b).out();
    assertTrue(table.contains("rollouts in the later window"), table);
    assertTrue(table.contains(made.get(0).replicaSet()), table);

    // The earlier window has no rollout: the movers are listed with none.
    JsonNode none =
        ReportRows.parse(
            run(
                    "--start",
                    a.toString(),
                    "--end",
                    b.toString(),
                    "--compare-to",
                    b + "/" + END,
                    "-o",
                    "json")
                .out());
    for (JsonNode ch : none.get("changes")) {
      if (ch.has("rollouts")) {
        assertEquals(0, ch.get("rollouts").size(), ch.toString());
      }
    }
  }
}
