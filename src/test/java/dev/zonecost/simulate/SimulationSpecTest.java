package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zonecost.accounting.DataAggregationLevel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulationSpecTest {

  private static final Instant END = Instant.parse("2024-06-01T12:00:00Z");

  @Test
  void should_floor_an_instant_to_the_scrape_interval() {
    Instant t = Instant.parse("2024-06-01T12:03:59.900Z");
    assertEquals(
        Instant.parse("2024-06-01T12:03:00Z"), SimulationSpec.alignDown(t, Duration.ofSeconds(60)));
    assertEquals(
        Instant.parse("2024-06-01T12:03:45Z"), SimulationSpec.alignDown(t, Duration.ofSeconds(15)));
    assertEquals(END, SimulationSpec.alignDown(END, Duration.ofSeconds(60)));
  }

  @Test
  void should_reject_an_end_off_the_scrape_grid() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SimulationSpec(
                    "edge", END.plusSeconds(30), 2, null, DataAggregationLevel.LOW, false, 1));
    assertEquals(true, e.getMessage().contains("alignDown"), e.getMessage());
  }

  @Test
  void should_apply_defaults_for_missing_interval_and_level() {
    SimulationSpec spec = new SimulationSpec("seed", END, 2, null, null, false, 1);
    assertEquals(Duration.ofSeconds(60), spec.scrapeInterval());
    assertEquals(DataAggregationLevel.LOW, spec.level());
    assertEquals(END.minusSeconds(7200), spec.start());
    assertEquals(120, spec.windowSteps());
    assertEquals(60, spec.historySteps());
    assertEquals(180, spec.steps());
    assertEquals(END.minusSeconds(3 * 3600), spec.dataStart());
  }

  @Test
  void should_reject_bad_scenarios_hours_and_intervals() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulationSpec("big", END, 2, null, null, false, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulationSpec("seed", END, 0, null, null, false, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulationSpec("seed", END, 721, null, null, false, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulationSpec("seed", END, 2, Duration.ofMinutes(5), null, false, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulationSpec("seed", END, 2, Duration.ofMillis(1500), null, false, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulationSpec("seed", END, 1, Duration.ofSeconds(7 * 7), null, false, 1));
  }
}
