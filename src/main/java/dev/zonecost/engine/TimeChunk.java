package dev.zonecost.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stretch of time read by one request; consecutive chunks share their boundary instant. */
public record TimeChunk(Instant start, Instant end) {

  public Duration length() {
    return Duration.between(start, end);
  }

  /** Chunks of at most {@code max} that tile [from, to] with nothing missed and no gap. */
  public static List<TimeChunk> tile(Instant from, Instant to, Duration max) {
    if (max.isZero() || max.isNegative()) {
      throw new IllegalArgumentException("chunk length must be positive: " + max);
    }
    List<TimeChunk> chunks = new ArrayList<>();
    Instant s = from;
    do {
      Instant e = s.plus(max).isBefore(to) ? s.plus(max) : to;
      chunks.add(new TimeChunk(s, e));
      s = e;
    } while (s.isBefore(to));
    return chunks;
  }
}
