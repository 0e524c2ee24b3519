package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.cli.CliRun;
import dev.zonecost.common.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 29 row 9: the limits of Go's regexp/syntax, refused before RE2J expands anything. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Re2LimitsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(((a{100}){100}){100}){100}",
        "((a{30}){30}){30}",
        "(a{2}){501}",
        "(?:x{10}|y){101}",
        "((a{1,}){40}){40}",
        "((((((((((a{2}){2}){2}){2}){2}){2}){2}){2}){2}){2}){2}"
      })
  void should_refuse_nested_repeats_prometheus_refuses(String regex) {
    UsageException e =
        assertThrows(UsageException.class, () -> Re2.compile("--from-workload", regex));
    assertTrue(e.getMessage().contains("invalid repeat count"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(a{10}){100}",
        "((a{10}){10}){10}",
        "a{1000}",
        "(a{0}){1000}x{1000}",
        "[a-z{}]{2,5}-\\d{3}",
        "shop-.*|cart{1,2}",
        "(?P<n>cli)ent{3}",
        "\\Q{1000}\\E{2}"
      })
  void should_accept_what_prometheus_accepts(String regex) {
    assertNull(Re2Limits.violation(regex), regex);
    assertNotNull(Re2.compile("--from-workload", regex));
  }

  @Test
  void should_refuse_deep_nesting_and_huge_expressions() {
    String deep = "(".repeat(1500) + "a" + ")".repeat(1500);
    assertTrue(Re2Limits.violation(deep).contains("nests too deeply"));
    // 1000 copies of a 4,000-character alternation: over 3.3 million instructions.
    String huge = "(?:" + "abcd|".repeat(800) + "e){1000}";
    assertTrue(Re2Limits.violation(huge).contains("too large"), Re2Limits.violation(huge));
  }

  @Test
  void should_refuse_the_issue_s_regex_from_the_command_line_with_exit_2() {
    CliRun run =
        CliRun.run(
            CLOCK,
            "report",
            "--prometheus-url",
            "http://127.0.0.1:1",
            "--from-workload",
            "(((a{100}){100}){100}){100}");
    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(1, run.err().strip().lines().count(), run.describe());
    assertTrue(run.err().contains("invalid repeat count"), run.describe());
  }
}
