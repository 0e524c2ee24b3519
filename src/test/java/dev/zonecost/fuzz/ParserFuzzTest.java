package dev.zonecost.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.zonecost.check.Quantities;
import dev.zonecost.common.UsageException;
import dev.zonecost.time.TimeParsing;
import dev.zonecost.time.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random input for every parser of user values: each gives a value or a usage error (exit
 * 2), never another exception (exit 1). A failure names the seed and the input.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParserFuzzTest {
  private static final long SEED = 19L;
  private static final int CASES = 4000;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);
  private static final String[] PIECES = {
    "0",
    "1",
    "9",
    "00",
    "12",
    "999999999999999999999",
    "9223372036854775807",
    ".",
    "-",
    "+",
    "e",
    "E",
    "e308",
    "%",
    "ms",
    "s",
    "m",
    "h",
    "d",
    "w",
    "y",
    "b",
    "kb",
    "GB",
    "GiB",
    "PiB",
    "T",
    "Z",
    ":",
    "2026-11-01T00:00:00Z",
    "1h30m",
    " ",
    "NaN",
    "Infinity",
    "0x1p3",
    "\u0000",
    "\u00e9",
    "\u0663",
    "1e-999999999",
    "_"
  };

  /** Random strings glued from pieces that parsers care about, and random numbers. */
  static List<String> inputs(long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      switch (r.nextInt(4)) {
        case 0 -> out.add(Long.toString(r.nextLong()));
        case 1 -> out.add(Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 10)));
        case 2 -> {
          StringBuilder sb = new StringBuilder();
          int n = 1 + r.nextInt(6);
          for (int k = 0; k < n; k++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
          }
          out.add(sb.toString());
        }
        default -> {
          StringBuilder sb = new StringBuilder();
          int n = r.nextInt(12);
          for (int k = 0; k < n; k++) {
            sb.append((char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0x3000)));
          }
          out.add(sb.toString());
        }
      }
    }
    return out;
  }

  private static void valueOrUsageError(String parser, Consumer<String> parse) {
    for (String input : inputs(SEED)) {
      try {
        parse.accept(input);
      } catch (UsageException expected) {
        // exit 2
      } catch (RuntimeException e) {
        fail(parser + " (seed " + SEED + ") on '" + input + "' threw " + e, e);
      }
    }
  }

  @Test
  void times_and_windows() {
    valueOrUsageError("instant", TimeParsing::instant);
    valueOrUsageError("--end", s -> TimeWindow.resolve(null, s, "1h", CLOCK));
    valueOrUsageError("--start", s -> TimeWindow.resolve(s, "2026-11-01T00:00:00Z", null, CLOCK));
  }

  @Test
  void the_issues_examples_exit_2_with_one_line() {
    for (String[] args :
        new String[][] {
          {"query", "--end", "18446745869687332"},
          {"query", "--since", "99999999999999999999h"},
          {"query", "--since", "300000y"},
        }) {
      dev.zonecost.cli.CliRun run = dev.zonecost.cli.CliRun.run(CLOCK, args);
      if (run.exitCode() != 2 || run.err().strip().contains("\n")) {
        fail(run.describe());
      }
    }
  }

  @Test
  void durations() {
    valueOrUsageError("duration", TimeParsing::duration);
    valueOrUsageError("--since", s -> TimeWindow.resolve(null, null, s, CLOCK));
  }

  @Test
  void sizes_and_thresholds() {
    valueOrUsageError("bytes", s -> Quantities.bytes("--max-cross-zone-bytes", s));
    valueOrUsageError("ratio", s -> Quantities.ratio("--max-cross-zone-ratio", s));
    valueOrUsageError("amount", s -> Quantities.amount("--max-cross-zone-cost", s));
    valueOrUsageError("increase", s -> Quantities.increase("--max-increase", s));
  }
}
