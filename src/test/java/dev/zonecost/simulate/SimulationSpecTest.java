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
            () -> SimulationSpec.builder("edge", END.plusSeconds(30)).hours(2).seed(1).build());
    assertEquals(true, e.getMessage().contains("alignDown"), e.getMessage());
  }

  @Test
  void should_apply_defaults_for_missing_interval_and_level() {
    SimulationSpec spec = SimulationSpec.builder("seed", END).hours(2).seed(1).build();
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
        () -> SimulationSpec.builder("big", END).hours(2).seed(1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulationSpec.builder("seed", END).hours(0).seed(1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulationSpec.builder("seed", END).hours(721).seed(1).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SimulationSpec.builder("seed", END)
                .hours(2)
                .scrapeInterval(Duration.ofMinutes(5))
                .seed(1)
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SimulationSpec.builder("seed", END)
                .hours(2)
                .scrapeInterval(Duration.ofMillis(1500))
                .seed(1)
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SimulationSpec.builder("seed", END)
                .hours(1)
                .scrapeInterval(Duration.ofSeconds(7 * 7))
                .seed(1)
                .build());
  }

  @Test
  void should_build_with_the_defaults_and_copy_a_spec_with_a_change() {
    SimulationSpec spec = SimulationSpec.builder("edge", END).build();
    assertEquals(
        new SimulationSpec(
            "edge",
            END,
            SimulationSpec.DEFAULT_HOURS,
            SimulationSpec.DEFAULT_SCRAPE_INTERVAL,
            DataAggregationLevel.LOW,
            false,
            SimulationSpec.DEFAULT_SEED,
            1,
            SimulationSpec.DEFAULT_HISTORY,
            Routing.KUBE_PROXY,
            TrafficDistribution.DEFAULT,
            false,
            false,
            false),
        spec);
    assertEquals(spec, SimulationSpec.of("edge", END));
    assertEquals(spec, spec.toBuilder().build());
    SimulationSpec other = spec.toBuilder().seed(7).routing(Routing.SOCKET_LB).build();
    assertEquals(7, other.seed());
    assertEquals(Routing.SOCKET_LB, other.routing());
    assertEquals(spec.toBuilder().seed(7).routing(Routing.SOCKET_LB).build(), other);
    assertEquals(spec.hours(), other.hours());
  }
}
