package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The check every back end must pass: {@code zonecost report -o json} over a window prints the
 * simulator's answer to the byte, row by row, with totals and the zone matrix adding up.
 */
final class ExactAnswer {
  private ExactAnswer() {}

  /** Every simulated set-up a back end must answer exactly: scenario, level, native zones. */
  static Stream<Arguments> clusters() {
    return Stream.of(
        Arguments.of("seed", DataAggregationLevel.LOW, false),
        Arguments.of("seed", DataAggregationLevel.HIGH, false),
        Arguments.of("edge", DataAggregationLevel.LOW, false),
        Arguments.of("edge", DataAggregationLevel.HIGH, false),
        Arguments.of("edge", DataAggregationLevel.LOW, true),
        Arguments.of("edge", DataAggregationLevel.HIGH, true));
  }

  /** Runs the report against {@code url} and asserts it is exact; returns its JSON. */
  static JsonNode assertExact(
      String backend,
      String url,
      SimulatedCluster cluster,
      DataAggregationLevel level,
      Instant start,
      Instant end,
      boolean nativeZones,
      String... extra)
      throws Exception {
    return assertRows(
        backend,
        url,
        cluster,
        level,
        start,
        end,
        nativeZones,
        cluster.answer().expected(start, end),
        extra);
  }

  /** The same, against rows the caller took from the simulator (another look-behind, say). */
  static JsonNode assertRows(
      String backend,
      String url,
      SimulatedCluster cluster,
      DataAggregationLevel level,
      Instant start,
      Instant end,
      boolean nativeZones,
      List<TrafficRow> expectedRows,
      String... extra)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--prometheus-url",
                url,
                "--start",
                start.toString(),
                "--end",
                end.toString(),
                "--data-aggregation-level",
                level.label(),
                "-o",
                "json"));
    args.addAll(List.of(extra));
    CliRun run =
        CliRun.run(Clock.fixed(cluster.end(), ZoneOffset.UTC), args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.describe());
    JsonNode doc = ReportRows.parse(run.out());
    Map<TrafficKey, Long> actual = ReportRows.rows(doc);
    Map<TrafficKey, Long> expected = ReportRows.rows(expectedRows);

    assertEquals(
        new TreeSet<>(expected.keySet().stream().map(Object::toString).toList()),
        new TreeSet<>(actual.keySet().stream().map(Object::toString).toList()),
        "rows (workload pairs and zones) differ\n" + run.describe());
    for (var e : expected.entrySet()) {
      assertEquals(e.getValue(), actual.get(e.getKey()), "bytes of " + e.getKey());
    }
    System.out.printf(
        "%s %s level=%s native=%s %s..%s: %d rows, every one exact to the byte%n",
        backend, cluster.scenario(), level.label(), nativeZones, start, end, expected.size());

    long sum = actual.values().stream().mapToLong(Long::longValue).sum();
    JsonNode totals = doc.get("totals");
    assertEquals(sum, totals.get("all").asLong(), "totals.all is the sum of the rows");
    long byLocality = 0;
    for (Locality l : Locality.values()) {
      byLocality += totals.get(l.label()).asLong();
    }
    assertEquals(sum, byLocality, "same + cross + unknown = all");
    long matrix = 0;
    for (JsonNode cell : doc.get("zoneMatrix")) {
      matrix += cell.get("bytes").asLong();
    }
    assertEquals(sum, matrix, "the zone matrix sums to the rows");
    assertTrue(totals.get("cross-zone").asLong() > 0, "cross-zone traffic present");
    assertEquals(
        nativeZones ? "retina" : "kube-state-metrics",
        doc.get("metadata").get("zoneSource").asText(),
        run.describe());
    assertFalse(doc.get("metadata").get("queries").isEmpty());
    return doc;
  }
}
