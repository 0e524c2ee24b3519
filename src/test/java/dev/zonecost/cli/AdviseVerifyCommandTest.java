package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advise --verify}'s usage errors: one line, exit 2, before any query, no output file. */
class AdviseVerifyCommandTest {
  @TempDir Path tmp;

  static CliRun verify(String before, String... more) {
    String[] base = {
      "advise", "--prometheus-url", AdviseCommandTest.URL, "--since", "2h", "--verify", before
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.run(AdviseCommandTest.CLOCK, args);
  }

  static void assertOneLine(CliRun r, String message) {
    AdviseCommandTest.assertUsage(r, message);
    assertEquals(1, r.err().strip().lines().count(), r.describe());
  }

  @Test
  void wants_the_earlier_window_as_start_slash_end() {
    assertOneLine(verify("2026-10-31T00:00:00Z"), "give the earlier window as START/END");
    assertOneLine(verify("1/2/3"), "give the earlier window as START/END");
  }

  @Test
  void refuses_an_empty_earlier_window_and_a_time_it_cannot_read() {
    assertOneLine(
        verify("2026-10-31T02:00:00Z/2026-10-31T01:00:00Z"), "the earlier window is empty");
    assertOneLine(verify("yesterday/2026-10-31T01:00:00Z"), "is not a time");
  }

  @Test
  void refuses_an_earlier_window_that_runs_into_the_current_one() throws Exception {
    Path out = tmp.resolve("verify.json");
    CliRun r = verify("2026-10-31T00:00:00Z/2026-11-01T01:00:00Z", "--output-file", out.toString());
    // --since 2h at 02:00: the current window starts at 00:00.
    assertOneLine(r, "must end by the window's start (2026-11-01T00:00:00Z)");
    assertFalse(Files.exists(out), "no half-written output file");
  }

  @Test
  void help_names_the_option_and_exit_3() {
    CliRun r = CliRun.run(AdviseCommandTest.CLOCK, "advise", "--help");
    assertTrue(r.out().contains("--verify=START/END"), r.describe());
    assertTrue(r.out().contains("--verify found a Service whose"));
  }
}
