package dev.zonecost.compare;

import dev.zonecost.check.Pair;
import dev.zonecost.check.Traffic;
import dev.zonecost.check.Traffic.PairTraffic;
import dev.zonecost.report.Rollout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two windows ({@code report --compare-to}): per workload pair (all zone pairs
 * summed), the cross-zone bytes, all bytes and cost before and after, ranked by the size of the
 * change in cross-zone bytes, then in cost. Values are each window's own totals, not rates: windows
 * of different lengths are compared as they are, and the output says both lengths.
 *
 * @param before where the earlier numbers come from: a window or a saved report's file name
 * @param rollouts for the top movers ({@link #TOP_MOVERS} changed pairs, in rank order), the
 *     rollouts of their Deployments in the later window: empty lists where there were none; no
 *     entries when rollouts were not read
 */
public record Comparison(
    String before,
    String after,
    Traffic beforeTraffic,
    Traffic afterTraffic,
    String currency,
    List<Change> changes,
    Map<Pair, List<Rollout>> rollouts) {

  /** How many of the top-ranked changed pairs get their rollouts listed. */
  public static final int TOP_MOVERS = 5;

  public enum Status {
    NEW("new"),
    VANISHED("vanished"),
    CHANGED("changed"),
    UNCHANGED("unchanged");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One workload pair's change. */
  public record Change(
      Pair pair,
      Status status,
      long crossBefore,
      long crossAfter,
      long allBefore,
      long allAfter,
      BigDecimal costBefore,
      BigDecimal costAfter) {
    public long crossDelta() {
      return crossAfter - crossBefore;
    }

    public long allDelta() {
      return allAfter - allBefore;
    }

    public BigDecimal costDelta() {
      return costAfter.subtract(costBefore);
    }
  }

  public static final Comparator<Change> RANK =
      Comparator.<Change>comparingLong(c -> Math.abs(c.crossDelta()))
          .reversed()
          .thenComparing(
              Comparator.<Change, BigDecimal>comparing(c -> c.costDelta().abs()).reversed())
          .thenComparing(Comparator.<Change>comparingLong(c -> Math.abs(c.allDelta())).reversed())
          .thenComparing(c -> c.pair().label())
          .thenComparing(c -> c.pair().toString());

  public static Comparison of(String before, String after, Traffic b, Traffic a) {
    Set<Pair> pairs = new HashSet<>(b.pairs().keySet());
    pairs.addAll(a.pairs().keySet());
    List<Change> changes = new ArrayList<>();
    for (Pair p : pairs) {
      PairTraffic x = b.pairs().get(p);
      PairTraffic y = a.pairs().get(p);
      Status status;
      if (x == null) {
        status = Status.NEW;
      } else if (y == null) {
        status = Status.VANISHED;
      } else if (x.all() == y.all() && x.crossZone() == y.crossZone()) {
        status = Status.UNCHANGED;
      } else {
        status = Status.CHANGED;
      }
      changes.add(
          new Change(
              p,
              status,
              x == null ? 0 : x.crossZone(),
              y == null ? 0 : y.crossZone(),
              x == null ? 0 : x.all(),
              y == null ? 0 : y.all(),
              x == null ? BigDecimal.ZERO : x.windowCost(),
              y == null ? BigDecimal.ZERO : y.windowCost()));
    }
    changes.sort(RANK);
    return new Comparison(before, after, b, a, a.currency(), List.copyOf(changes), Map.of());
  }

  /**
   * The same comparison with the later window's rollouts attached to the top movers: a rollout
   * belongs to a pair when its Deployment is the pair's source or destination.
   */
  public Comparison withRollouts(List<Rollout> later) {
    Map<Pair, List<Rollout>> attached = new LinkedHashMap<>();
    changes.stream()
        .filter(c -> c.status() != Status.UNCHANGED)
        .limit(TOP_MOVERS)
        .forEach(
            c ->
                attached.put(
                    c.pair(),
                    later.stream()
                        .filter(r -> r.of(c.pair().source()) || r.of(c.pair().destination()))
                        .toList()));
    return new Comparison(
        before,
        after,
        beforeTraffic,
        afterTraffic,
        currency,
        changes,
        Collections.unmodifiableMap(attached));
  }

  public long crossDelta() {
    return afterTraffic.crossZone() - beforeTraffic.crossZone();
  }

  public BigDecimal costDelta() {
    return afterTraffic.windowCost().subtract(beforeTraffic.windowCost());
  }

  public long count(Status s) {
    return changes.stream().filter(c -> c.status() == s).count();
  }
}
