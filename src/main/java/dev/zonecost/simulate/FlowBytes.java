package dev.zonecost.simulate;

import java.util.SplittableRandom;

/**
 * The bytes of one connection per scrape interval, in each direction. Implementations hand out
 * fresh arrays on each call, so callers may keep or change them.
 */
sealed interface FlowBytes permits FixedBytes, SeededBytes {
  /** Number of intervals (the flow's samples). */
  int length();

  /** Bytes opener→peer per interval. */
  long[] request();

  /** Bytes peer→opener per interval. */
  long[] reply();
}

/** Bytes given up front: the small scenarios and hand-built test clusters. */
record FixedBytes(long[] request, long[] reply) implements FlowBytes {
  @Override
  public int length() {
    return request.length;
  }

  @Override
  public long[] request() {
    return request.clone();
  }

  @Override
  public long[] reply() {
    return reply.clone();
  }
}

/**
 * Bytes drawn again from one seed whenever they are asked for: a large cluster keeps a long per
 * flow instead of its samples. Request and reply are drawn alternately, as {@link Simulator} does.
 */
record SeededBytes(long seed, int length, long min, long max) implements FlowBytes {
  SeededBytes {
    if (length < 1 || min < 0 || max < min) {
      throw new IllegalArgumentException("bad seeded bytes: " + length + ", " + min + ".." + max);
    }
  }

  @Override
  public long[] request() {
    return draw(0);
  }

  @Override
  public long[] reply() {
    return draw(1);
  }

  private long[] draw(int which) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] out = new long[length];
    for (int i = 0; i < length; i++) {
      long request = r.nextLong(min, max + 1);
      long reply = r.nextLong(min, max + 1);
      out[i] = which == 0 ? request : reply;
    }
    return out;
  }
}
