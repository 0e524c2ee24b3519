package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --every}, {@code --compare-to} and {@code --use-recording-rules} refuse what they cannot
 * do before sending anything.
 */
class TrendOptionsTest {
  private static CliRun run(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("report", "--prometheus-url", "http://127.0.0.1:1", "--since", "2d"));
    args.addAll(List.of(extra));
    return CliRun.run(Clock.systemUTC(), args.toArray(String[]::new));
  }

  private static void usage(String expected, String... extra) {
    CliRun r = run(extra);
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains(expected), r.describe());
    assertEquals("", r.out());
  }

  @Test
  void refuses_formats_without_a_trend_view() {
    usage("--every goes with -o table, csv, json or html, not yaml", "--every", "1d", "-o", "yaml");
    usage(
        "--every goes with the tidy CSV layout",
        "--every",
        "1d",
        "-o",
        "csv",
        "--csv-layout",
        "matrix");
    usage(
        "--compare-to goes with -o table, json or csv, not html",
        "--compare-to",
        "2026-11-01T00:00:00Z/2026-11-02T00:00:00Z",
        "-o",
        "html");
  }

  @Test
  void refuses_bad_buckets_and_windows() {
    usage("at least 5m", "--every", "1m");
    usage("buckets (at most 400)", "--every", "5m");
    usage("do not go together", "--every", "1h", "--compare-to", "1/2");
    usage("no-such-file.json: no such file", "--compare-to", "no-such-file.json");
    usage("is neither a file nor START/END", "--compare-to", "yesterday");
    usage("is not before end", "--compare-to", "2026-11-02T00:00:00Z/2026-11-01T00:00:00Z");
  }

  @Test
  void recording_rules_refuse_what_their_series_cannot_give() {
    usage("goes without --every and --compare-to", "--use-recording-rules", "--every", "1h");
    usage(
        "goes without --every and --compare-to",
        "--use-recording-rules",
        "--compare-to",
        "2026-11-01T00:00:00Z/2026-11-02T00:00:00Z");
    usage("between 1m and 1h, not 2h", "--use-recording-rules", "2h");
    usage("drop --by-cluster and --cluster", "--use-recording-rules", "--by-cluster");
    usage("drop --by-cluster and --cluster", "--use-recording-rules", "--cluster", "eu-1");
    usage("drop --group-by pod", "--use-recording-rules", "--group-by", "pod");
    usage("drop --source beyla", "--use-recording-rules", "--source", "beyla");
  }
}
