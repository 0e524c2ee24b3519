package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CheckCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void should_print_help_with_percent_signs_and_the_exit_codes() {
    CliRun r = CliRun.run(CLOCK, "check", "--help");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().contains("(or 25%)."), r.describe());
    assertTrue(r.out().contains("--max-increase 10%"), r.describe());
    assertTrue(r.out().contains("3   a threshold or the baseline was breached"), r.describe());
  }

  @Test
  void should_refuse_a_bad_size_before_asking_prometheus() {
    CliRun r =
        CliRun.run(
            CLOCK,
            "check",
            "--prometheus-url",
            "http://127.0.0.1:9",
            "--max-cross-zone-bytes",
            "10XB");
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("--max-cross-zone-bytes '10XB' is not a size"), r.describe());
  }

  @Test
  void should_want_a_baseline_for_max_increase() {
    CliRun r =
        CliRun.run(
            CLOCK, "check", "--prometheus-url", "http://127.0.0.1:9", "--max-increase", "10%");
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("--max-increase needs --baseline"), r.describe());
  }
}
