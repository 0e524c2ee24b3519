package dev.zonecost.accounting;

import java.util.List;

/**
 * DESIGN §3's bytes of a window, revised rule, written straight from its text and nothing else: the
 * production forms ({@link WindowBytes}) and the engine are checked against it.
 *
 * <p>"For one series and a window [start, end]: the sum, over consecutive samples v(i-1), v(i)
 * whose timestamps lie in [start, end], of v(i) − v(i-1), or of v(i) alone where v(i) < v(i-1) (a
 * reset). A series' first sample in the window is its baseline and is not counted, except when the
 * series was demonstrably born inside the window": no sample in the look-behind [start − L, start),
 * and its agent had a sample of the metric in [start − L, start), or the series' first sample is
 * later than the agent's first sample in the window.
 *
 * <p>One refinement of the text, which its own invariant asks for ("adjacent windows add up to the
 * whole window less the increments straddling their common edge"): a series first seen at exactly
 * {@code start} was born between its agent's previous scrape and {@code start}, before the window,
 * so its first value is a baseline. Two windows meeting on that sample then count the birth once
 * (the earlier one), not twice.
 */
public final class NaiveWindowBytes {
  private NaiveWindowBytes() {}

  /**
   * @param ts the series' sample timestamps, ascending
   * @param vs its values
   * @param agentTs the timestamps of every sample of the metric its agent reported (its own too)
   * @param lookBehind L in milliseconds
   */
  public static double bytes(
      long[] ts, double[] vs, List<Long> agentTs, long start, long end, long lookBehind) {
    double sum = 0;
    int firstIn = -1;
    int prev = -1;
    boolean before = false;
    for (int i = 0; i < ts.length; i++) {
      if (ts[i] >= start - lookBehind && ts[i] <= start) {
        before = true;
      }
      if (ts[i] < start || ts[i] > end) {
        continue;
      }
      if (prev < 0) {
        firstIn = i;
      } else {
        sum += vs[i] < vs[prev] ? vs[i] : vs[i] - vs[prev];
      }
      prev = i;
    }
    if (firstIn < 0) {
      return 0;
    }
    boolean agentBefore = agentTs.stream().anyMatch(t -> t >= start - lookBehind && t < start);
    long agentFirst =
        agentTs.stream().filter(t -> t >= start && t <= end).min(Long::compare).orElseThrow();
    boolean born = !before && (agentBefore || ts[firstIn] > agentFirst);
    return sum + (born ? vs[firstIn] : 0);
  }
}
