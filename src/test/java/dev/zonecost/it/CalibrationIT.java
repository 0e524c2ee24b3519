package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.CadvisorSeries;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report measures the observations per byte against cAdvisor and says so when the level it was
 * given disagrees (DESIGN §3): an overlay CNI observes each byte once per node at level low, which
 * the simulator's level-high data imitates.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CalibrationIT {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  private static JsonNode report(Path dir, DataAggregationLevel emitted) throws Exception {
    SimulatedCluster c =
        Simulator.generate(
            SimulationSpec.builder("edge", END).hours(2).level(emitted).seed(42).build());
    StringWriter w = new StringWriter();
    c.writeOpenMetrics(w);
    String text = CadvisorSeries.withCadvisor(c, w.toString());
    try (PrometheusServer prom = PrometheusServer.start(dir, out -> out.write(text))) {
      CliRun run =
          CliRun.run(
              Clock.fixed(END, ZoneOffset.UTC),
              "report",
              "--prometheus-url",
              prom.url(),
              "--start",
              c.start().toString(),
              "--end",
              END.toString(),
              "--data-aggregation-level",
              "low",
              "-o",
              "json");
      assertEquals(0, run.exitCode(), run.describe());
      JsonNode doc = ReportRows.parse(run.out());
      System.out.printf(
          "CalibrationIT: %s data read at low: %s%n",
          emitted.label(), doc.get("metadata").get("calibration"));
      return doc;
    }
  }

  @Test
  void should_stay_quiet_when_the_level_matches_the_kernel(@TempDir Path dir) throws Exception {
    JsonNode md = report(dir, DataAggregationLevel.LOW).get("metadata");
    JsonNode cal = md.get("calibration");
    assertFalse(cal.get("disagrees").asBoolean(), cal.toString());
    double perByte = cal.get("observationsPerByte").asDouble();
    assertTrue(perByte > 1.8 && perByte <= 2.1, cal.toString());
    assertFalse(md.get("notes").toString().contains("measured against the kernel"));
  }

  @Test
  void should_say_so_when_each_byte_is_observed_once_at_low(@TempDir Path dir) throws Exception {
    JsonNode md = report(dir, DataAggregationLevel.HIGH).get("metadata");
    JsonNode cal = md.get("calibration");
    assertTrue(cal.get("disagrees").asBoolean(), cal.toString());
    assertTrue(cal.get("observationsPerByte").asDouble() < 1.5, cal.toString());
    assertTrue(md.get("notes").toString().contains("measured against the kernel"), md.toString());
  }
}
