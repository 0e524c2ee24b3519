package dev.zonecost.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Random byte counters as agents report them, for property tests (seeded, so every failure names a
 * reproducible case): agents scraped at their own interval with an outage and a restart that resets
 * every series of theirs; series that begin with their agent's data or later (born), end early,
 * vanish for a while and come back from zero (TTL expiry), and reset on their own.
 */
public final class RandomCounters {
  /** One series: its agent and its samples in timestamp order. */
  public record Counter(int agent, long[] ts, double[] vs) {}

  public final List<Counter> counters = new ArrayList<>();

  /** Every sample timestamp per agent (its scrapes that carried any series). */
  public final List<List<Long>> agentScrapes = new ArrayList<>();

  /** The first and last sample of all. */
  public final long oldest;

  public final long newest;

  public RandomCounters(SplittableRandom r, long horizon) {
    int agents = 1 + r.nextInt(3);
    long oldestSeen = Long.MAX_VALUE;
    long newestSeen = Long.MIN_VALUE;
    for (int a = 0; a < agents; a++) {
      long interval = r.nextBoolean() ? 60_000 : 15_000 + 5_000L * r.nextInt(10);
      long first = r.nextInt(3) == 0 ? r.nextLong(horizon / 2) : r.nextLong(1000);
      long last = horizon - (r.nextInt(4) == 0 ? r.nextLong(horizon / 4) : 0);
      long outageFrom = r.nextInt(3) == 0 ? first + r.nextLong(Math.max(1, last - first)) : -1;
      long outageTo = outageFrom + 300_000 + r.nextLong(2_400_000);
      long restart = r.nextInt(3) == 0 ? first + r.nextLong(Math.max(1, last - first)) : -1;
      List<Long> scrapes = new ArrayList<>();
      for (long t = first; t <= last; t += interval) {
        if (t < outageFrom || t >= outageTo) {
          scrapes.add(t);
        }
      }
      if (scrapes.size() < 2) {
        scrapes = List.of(first, first + interval);
      }
      TreeSet<Long> carried = new TreeSet<>();
      int series = 1 + r.nextInt(4);
      for (int s = 0; s < series; s++) {
        Counter c = series(r, a, scrapes, restart);
        counters.add(c);
        for (long t : c.ts()) {
          carried.add(t);
          oldestSeen = Math.min(oldestSeen, t);
          newestSeen = Math.max(newestSeen, t);
        }
      }
      agentScrapes.add(new ArrayList<>(carried));
    }
    oldest = oldestSeen;
    newest = newestSeen;
  }

  private static Counter series(SplittableRandom r, int agent, List<Long> scrapes, long restart) {
    int n = scrapes.size();
    int from = r.nextBoolean() ? 0 : r.nextInt(n - 1);
    int to = r.nextInt(4) == 0 ? from + 1 + r.nextInt(n - from - 1) : n - 1;
    int ttlFrom = r.nextInt(5) == 0 ? from + r.nextInt(to - from + 1) : -1;
    int ttlTo = ttlFrom < 0 ? -1 : ttlFrom + 1 + r.nextInt(30);
    List<Long> ts = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    // a counter of the agent's data's first scrape has a history; a later one starts small
    double v = from == 0 ? r.nextLong(1_000_000_000L) : 1 + r.nextInt(5_000);
    boolean restarted = false;
    for (int i = from; i <= to; i++) {
      long t = scrapes.get(i);
      if (i >= ttlFrom && i < ttlTo) {
        v = 0; // expired: back from zero when it is seen again
        continue;
      }
      if (restart >= 0 && t >= restart && !restarted) {
        restarted = true;
        v = r.nextInt(2_000);
      } else if (r.nextInt(60) == 0) {
        v = r.nextInt(1_000);
      } else if (!ts.isEmpty()) {
        v += r.nextInt(4) == 0 ? 0 : r.nextInt(50_000);
      }
      ts.add(t);
      vs.add(v);
    }
    if (ts.isEmpty()) {
      ts.add(scrapes.get(from));
      vs.add(v);
    }
    return new Counter(
        agent,
        ts.stream().mapToLong(Long::longValue).toArray(),
        vs.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** A random window [start, end] around the data, its edges sometimes on a sample. */
  public long[] window(SplittableRandom r) {
    long span = newest - oldest;
    long start = oldest - span / 4 + r.nextLong(span + span / 4);
    if (r.nextInt(4) == 0) {
      Counter c = counters.get(r.nextInt(counters.size()));
      start = c.ts()[r.nextInt(c.ts().length)];
    }
    long end = start + 300_000 + r.nextLong(Math.max(1, newest + span / 8 - start));
    if (r.nextInt(4) == 0) {
      Counter c = counters.get(r.nextInt(counters.size()));
      long t = c.ts()[r.nextInt(c.ts().length)];
      if (t > start + 300_000) {
        end = t;
      }
    }
    return new long[] {start, end};
  }

  /** What the twin gives for one counter and window. */
  public double expected(Counter c, long start, long end, long lookBehind) {
    return NaiveWindowBytes.bytes(
        c.ts(), c.vs(), agentScrapes.get(c.agent()), start, end, lookBehind);
  }
}
