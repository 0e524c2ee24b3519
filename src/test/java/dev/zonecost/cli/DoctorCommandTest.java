package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);

  @Test
  void should_exit_4_when_prometheus_cannot_be_reached() {
    CliRun run =
        CliRun.run(
            CLOCK,
            "doctor",
            "--prometheus-url",
            "http://127.0.0.1:1",
            "--retries",
            "0",
            "--timeout",
            "2s");
    assertEquals(4, run.exitCode(), run.describe());
    assertEquals("", run.out(), run.describe());
  }

  @Test
  void should_refuse_an_unknown_output_format() {
    CliRun run = CliRun.run(CLOCK, "doctor", "--prometheus-url", "http://127.0.0.1:1", "-o", "csv");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("table, json or yaml"), run.describe());
  }

  @Test
  void should_list_its_exit_codes_in_help() {
    CliRun run = CliRun.run(CLOCK, "doctor", "--help");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("5:") || run.out().contains("5   "), run.describe());
  }
}
