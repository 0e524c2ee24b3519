package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3's window edges on a real back end, one test per case the window-edge issue names, each
 * exact to the byte against the simulator's edge cluster: it has an hour of history, a scrape
 * outage across the window's start, a pair whose series Retina's TTL expires and re-creates, and a
 * node (with its agent) that joins mid-window. Subclasses start the back end once for all cases.
 */
abstract class WindowEdgesContract {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  static final DataAggregationLevel LEVEL = DataAggregationLevel.LOW;
  static final SimulatedCluster CLUSTER =
      Simulator.generate(
          SimulationSpec.builder("edge", END).hours(2).level(LEVEL).seed(42).build());

  abstract String backend();

  abstract String url();

  private JsonNode exact(Instant start, Instant end, String... extra) throws Exception {
    return ExactAnswer.assertExact(backend(), url(), CLUSTER, LEVEL, start, end, false, extra);
  }

  private CliRun run(String... args) {
    return CliRun.run(Clock.fixed(CLUSTER.end(), ZoneOffset.UTC), args);
  }

  @Test
  void history_before_the_window_with_an_outage_across_its_start() throws Exception {
    JsonNode doc = exact(CLUSTER.start(), CLUSTER.end());
    JsonNode w = doc.get("metadata").get("window");
    assertEquals(false, w.get("clipped").asBoolean());
    // Only the agent of the node added mid-window has no look-behind; the series of its first pod
    // were in its first scrape.
    assertTrue(w.get("baselineSeries").asLong() > 0, w.toString());
    assertTrue(w.get("bornSeries").asLong() > 0, "pods scaled up and rolled out inside");
  }

  @Test
  void a_window_that_starts_before_the_data_is_clipped_and_equals_the_clipped_window()
      throws Exception {
    Instant oldest = CLUSTER.oldestForwardSample();
    Instant asked = oldest.minus(Duration.ofHours(6));
    JsonNode doc = exact(asked, CLUSTER.end());
    assertEquals(
        ReportRows.rows(CLUSTER.answer().expected(oldest, CLUSTER.end())), ReportRows.rows(doc));
    JsonNode w = doc.get("metadata").get("window");
    assertTrue(w.get("clipped").asBoolean(), w.toString());
    assertEquals(oldest.toString(), w.get("start").asText());
    assertEquals(asked.toString(), w.get("requestedStart").asText());

    String[] report = {
      "report", "--prometheus-url", url(), "--start", asked.toString(), "--end", END.toString()
    };
    CliRun table = run(report);
    assertEquals(0, table.exitCode(), table.describe());
    assertTrue(table.err().contains("window clipped: the data begins at " + oldest), table.err());
    assertTrue(
        table.out().contains("(clipped: the data starts there; asked from " + asked + ")"),
        table.out());
  }

  @Test
  void check_refuses_a_clipped_window_unless_allowed() {
    Instant asked = CLUSTER.oldestForwardSample().minus(Duration.ofHours(1));
    String[] args = {
      "check",
      "--prometheus-url",
      url(),
      "--start",
      asked.toString(),
      "--end",
      END.toString(),
      "--max-cross-zone-ratio",
      "100%"
    };
    CliRun refused = run(args);
    assertEquals(5, refused.exitCode(), refused.describe());
    assertTrue(refused.err().contains("--allow-clipped-window"), refused.err());
    assertEquals(1, refused.err().split("window clipped", -1).length - 1, "once: " + refused.err());
    String[] allowed = java.util.Arrays.copyOf(args, args.length + 1);
    allowed[args.length] = "--allow-clipped-window";
    CliRun passed = run(allowed);
    assertEquals(0, passed.exitCode(), passed.describe());
    String all = passed.err() + passed.out();
    assertEquals(1, all.split("window clipped", -1).length - 1, "once: " + passed.describe());
  }

  @Test
  void a_window_that_starts_at_the_first_scrape_counts_no_first_value() throws Exception {
    JsonNode doc = exact(CLUSTER.dataStart(), CLUSTER.end());
    JsonNode w = doc.get("metadata").get("window");
    assertEquals(false, w.get("clipped").asBoolean(), "the data starts exactly there");
    assertTrue(w.get("baselineSeries").asLong() > 0, w.toString());
  }

  @Test
  void a_node_added_mid_window_and_its_agents_first_scrape() throws Exception {
    Instant joins = CLUSTER.nodesAdded().get(0);
    // The new agent has no look-behind: its first scrape is read to tell born series from
    // baselines; one of its pods began with the agent, the other one later.
    JsonNode doc = exact(joins.minus(Duration.ofSeconds(90)), CLUSTER.end());
    JsonNode w = doc.get("metadata").get("window");
    assertTrue(w.get("baselineSeries").asLong() > 0, w.toString());
    assertTrue(doc.get("metadata").get("queries").toString().contains("first scrapes"));
  }

  @Test
  void a_pair_whose_series_expire_and_come_back_from_zero() throws Exception {
    Instant gap = CLUSTER.ttlGaps().get(0);
    exact(gap.minus(Duration.ofMinutes(3)), CLUSTER.end()); // the gap inside the window
    exact(gap.plus(Duration.ofMinutes(4)).plusSeconds(30), CLUSTER.end()); // starts in the gap
  }

  @Test
  void an_outage_across_the_start_longer_than_the_look_behind() throws Exception {
    // The outage spans [start - 15m, start + 5m]: a 10-minute look-behind sees nothing before the
    // window, so every first in-window sample is a baseline (unknowable), not a birth.
    ExactAnswer.assertRows(
        backend(),
        url(),
        CLUSTER,
        LEVEL,
        CLUSTER.start(),
        CLUSTER.end(),
        false,
        CLUSTER.answer().expected(CLUSTER.start(), CLUSTER.end(), Duration.ofMinutes(10)),
        "--look-behind",
        "10m");
  }
}
