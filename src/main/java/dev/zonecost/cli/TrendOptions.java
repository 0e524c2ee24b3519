package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.time.TimeParsing;
import dev.zonecost.time.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * {@code report --every}, {@code --compare-to} and {@code --use-recording-rules}: the window over
 * time.
 */
public final class TrendOptions {
  @Option(
      names = "--every",
      paramLabel = "DURATION",
      description =
          "Cut the window into buckets aligned to multiples of DURATION since the epoch (1d: UTC"
              + " midnights; 1h: full hours), each exact on its own; table, csv (bucket_start"
              + " column appended), json (trend.series per pair) or html (trend chart).")
  String every;

  @Option(
      names = "--compare-to",
      paramLabel = "START/END|FILE",
      description =
          "Compare the window with an earlier one (START/END, RFC 3339 or Unix seconds) or with a"
              + " saved `report -o json` FILE: workload pairs ranked by the change in cross-zone"
              + " bytes and cost, new and vanished pairs; table, json or csv.")
  String compareTo;

  @Option(
      names = "--use-recording-rules",
      paramLabel = "INTERVAL",
      arity = "0..1",
      fallbackValue = "5m",
      description =
          "Read the per-pair series that `zonecost rules --interval INTERVAL` records (default"
              + " 5m) instead of the raw counters: one cheap query for long windows, as exact as"
              + " the rules (approximate; edges rounded to whole intervals; workload pairs only).")
  String recordingRules;

  /** The recording rules' interval, or null without {@code --use-recording-rules}. */
  Duration recordingRules() {
    if (recordingRules == null) {
      return null;
    }
    if (every != null || compareTo != null) {
      throw new UsageException(
          "--use-recording-rules goes without --every and --compare-to: give one of them");
    }
    Duration interval = TimeParsing.duration(recordingRules);
    if (interval.compareTo(Duration.ofMinutes(1)) < 0
        || interval.compareTo(Duration.ofHours(1)) > 0) {
      throw new UsageException(
          "--use-recording-rules takes the rules' --interval, between 1m and 1h, not "
              + recordingRules);
    }
    return interval;
  }

  /** The bucket length, or null without {@code --every}. */
  Duration every() {
    if (every == null) {
      return null;
    }
    if (compareTo != null) {
      throw new UsageException("--every and --compare-to do not go together: give one of them");
    }
    return TimeParsing.duration(every);
  }

  /** A saved report to compare with, or null. */
  Path compareFile() {
    if (compareTo == null) {
      return null;
    }
    Path p = Path.of(compareTo);
    return Files.isRegularFile(p) ? p : null;
  }

  /** Not START/END: its parts are not times, or it names a JSON file or a directory. */
  private static boolean looksLikeFile(String value) {
    if (value.endsWith(".json") || value.endsWith(".yaml") || Files.exists(Path.of(value))) {
      return true;
    }
    int slash = value.lastIndexOf('/');
    if (slash <= 0 || slash == value.length() - 1) {
      return false;
    }
    try {
      TimeParsing.instant(value.substring(0, slash));
      return false;
    } catch (UsageException notATime) {
      return true;
    }
  }

  /** The earlier window to compare with, or null (none, or a file). */
  TimeWindow compareWindow() {
    if (compareTo == null || compareFile() != null) {
      return null;
    }
    int slash = compareTo.lastIndexOf('/');
    if (looksLikeFile(compareTo)) {
      // "./old.json" would otherwise be read as START "." and END "old.json".
      throw new UsageException(
          "--compare-to "
              + compareTo
              + ": "
              + (Files.exists(Path.of(compareTo)) ? "not a regular file" : "no such file")
              + " (give a saved `report -o json`, or START/END like"
              + " 2026-11-01T00:00:00Z/2026-11-02T00:00:00Z)");
    }
    if (slash <= 0 || slash == compareTo.length() - 1) {
      throw new UsageException(
          "--compare-to "
              + compareTo
              + " is neither a file nor START/END (like"
              + " 2026-11-01T00:00:00Z/2026-11-02T00:00:00Z)");
    }
    Instant start = TimeParsing.instant(compareTo.substring(0, slash));
    Instant end = TimeParsing.instant(compareTo.substring(slash + 1));
    if (!start.isBefore(end)) {
      throw new UsageException("--compare-to: start " + start + " is not before end " + end);
    }
    return new TimeWindow(start, end);
  }
}
