package dev.zonecost.report;

import dev.zonecost.common.UsageException;
import dev.zonecost.time.TimeParsing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code --every} cuts a window: at the multiples of the bucket length since the Unix epoch
 * (UTC midnight for {@code 1d}, the full hour for {@code 1h}), so two runs cut at the same
 * instants; the first and last bucket are shorter when the window does not start or end on an edge.
 */
public final class BucketEdges {
  /** Most buckets one report may ask for: each is a request set of its own. */
  public static final int MAX_BUCKETS = 400;

  public static final Duration MIN_EVERY = Duration.ofMinutes(5);

  private BucketEdges() {}

  /** The buckets' [start, end] pairs in order; consecutive buckets share an edge. */
  public static List<Instant[]> cut(Instant start, Instant end, Duration every) {
    if (every.compareTo(MIN_EVERY) < 0) {
      throw new UsageException(
          "--every " + TimeParsing.format(every) + " is too short: at least 5m");
    }
    long step = every.toMillis();
    long first = Math.floorDiv(start.toEpochMilli(), step) * step + step;
    long buckets = 1 + Math.max(0, (end.toEpochMilli() - first + step - 1) / step);
    if (buckets > MAX_BUCKETS) {
      throw new UsageException(
          "--every "
              + TimeParsing.format(every)
              + " cuts the window into "
              + buckets
              + " buckets (at most "
              + MAX_BUCKETS
              + "): choose a longer --every or a shorter window");
    }
    List<Instant[]> out = new ArrayList<>();
    Instant from = start;
    for (long edge = first; edge < end.toEpochMilli(); edge += step) {
      Instant to = Instant.ofEpochMilli(edge);
      out.add(new Instant[] {from, to});
      from = to;
    }
    out.add(new Instant[] {from, end});
    return List.copyOf(out);
  }
}
