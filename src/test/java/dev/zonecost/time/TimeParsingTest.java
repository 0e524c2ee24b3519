package dev.zonecost.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.UsageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeParsingTest {
  @Test
  void should_read_rfc3339_and_unix_seconds() {
    assertEquals(
        Instant.parse("2026-11-01T00:00:00Z"), TimeParsing.instant("2026-11-01T00:00:00Z"));
    assertEquals(
        Instant.parse("2026-11-01T00:00:00Z"), TimeParsing.instant("2026-11-01T01:00:00+01:00"));
    assertEquals(Instant.ofEpochMilli(1761955200500L), TimeParsing.instant("1761955200.5"));
  }

  @Test
  void should_read_prometheus_durations() {
    assertEquals(Duration.ofMinutes(90), TimeParsing.duration("1h30m"));
    assertEquals(Duration.ofDays(7), TimeParsing.duration("7d"));
    assertEquals(Duration.ofMillis(1500), TimeParsing.duration("1s500ms"));
  }

  @Test
  void should_reject_a_malformed_duration_with_a_hint() {
    UsageException e = assertThrows(UsageException.class, () -> TimeParsing.duration("24 hours"));
    assertTrue(e.getMessage().contains("24h"), e.getMessage());
    assertThrows(UsageException.class, () -> TimeParsing.duration("h"));
    assertThrows(UsageException.class, () -> TimeParsing.duration("0s"));
  }

  @Test
  void should_default_to_the_last_24h_ending_at_the_current_minute() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:17:42Z"), ZoneOffset.UTC);
    TimeWindow w = TimeWindow.resolve(null, null, null, clock);
    assertEquals(Instant.parse("2026-11-26T10:17:00Z"), w.end());
    assertEquals(Instant.parse("2026-11-25T10:17:00Z"), w.start());
  }

  @Test
  void should_refuse_an_end_before_the_start_and_since_with_start() {
    Clock clock = Clock.systemUTC();
    assertThrows(
        UsageException.class,
        () -> TimeWindow.resolve("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", null, clock));
    assertThrows(
        UsageException.class, () -> TimeWindow.resolve("2026-11-01T00:00:00Z", null, "1h", clock));
  }

  @Test
  void should_format_durations_as_prometheus_does() {
    assertEquals("1d2h", TimeParsing.format(Duration.ofHours(26)));
    assertEquals("2m", TimeParsing.format(Duration.ofSeconds(120)));
  }
}
