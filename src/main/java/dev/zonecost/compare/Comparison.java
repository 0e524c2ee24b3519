package dev.zonecost.compare;

import dev.zonecost.check.Pair;
import dev.zonecost.check.Traffic;
import dev.zonecost.check.Traffic.PairTraffic;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two windows ({@code report --compare-to}): per workload pair (all zone pairs
 * summed), the cross-zone bytes, all bytes and cost before and after, ranked by the size of the
 * change in cross-zone bytes, then in cost. Values are each window's own totals, not rates: windows
 * of different lengths are compared as they are, and the output says both lengths.
 *
 * @param before where the earlier numbers come from: a window or a saved report's file name
 */
public record Comparison(
    String before,
    String after,
    Traffic beforeTraffic,
    Traffic afterTraffic,
    String currency,
    List<Change> changes) {

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
    return new Comparison(before, after, b, a, a.currency(), List.copyOf(changes));
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
