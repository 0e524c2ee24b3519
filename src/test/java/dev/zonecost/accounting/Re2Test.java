package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.cli.CliRun;
import dev.zonecost.common.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One dialect, RE2, for the regexes Prometheus runs and the ones zonecost runs itself. */
class Re2Test {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);

  private static boolean passes(String fromWorkload, String name) {
    return new Selection(null, null, fromWorkload, null)
        .workloadFilter()
        .test(new WorkloadRef("ns", "Deployment", name), new WorkloadRef("ns", "Deployment", "x"));
  }

  @Test
  void should_run_workload_filters_as_re2_with_posix_classes_and_anchoring() {
    assertTrue(passes("[[:alpha:]]+", "client"), "POSIX class as Prometheus runs it");
    assertFalse(passes("[[:alpha:]]+", "client-2"));
    assertFalse(passes("client", "client-2"), "anchored like =~");
    assertTrue(passes("(?P<n>cli)ent", "client"), "RE2's named group");
  }

  @ParameterizedTest
  @ValueSource(strings = {"(?<=a)b", "a++", "(a)\\1", "(?>a)"})
  void should_refuse_java_only_syntax_up_front(String regex) {
    UsageException e =
        assertThrows(UsageException.class, () -> Re2.compile("--from-namespace", regex));
    assertTrue(e.getMessage().contains("not a valid RE2 regex"), e.getMessage());
  }

  @Test
  void should_accept_valid_re2_that_java_rejects_and_refuse_java_only_on_the_command_line() {
    CliRun ok = CliRun.run(CLOCK, "query", "--from-namespace", "(?P<team>shop)-.*");
    assertEquals(0, ok.exitCode(), ok.describe());
    assertTrue(ok.out().contains("(?P<team>shop)-.*"), ok.describe());
    CliRun bad = CliRun.run(CLOCK, "query", "--to-namespace", "(?<=a)b");
    assertEquals(2, bad.exitCode(), bad.describe());
    assertTrue(
        bad.err().contains("--to-namespace '(?<=a)b' is not a valid RE2 regex"), bad.describe());
    CliRun workload = CliRun.run(CLOCK, "query", "--from-workload", "a++");
    assertEquals(2, workload.exitCode(), workload.describe());
  }
}
