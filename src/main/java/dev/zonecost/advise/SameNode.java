package dev.zonecost.advise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What {@code PreferSameNode} would do for one Service over the window.
 *
 * @param remainingCrossBytes what would still cross zones (today's when gated)
 * @param savingBytes today's cross-zone bytes less the remaining ones
 * @param gating every reason the Service cannot use (or does not need) it, each with the share of
 *     the window in which it held
 */
public record SameNode(
    long remainingCrossBytes,
    long savingBytes,
    BigDecimal savingCost,
    BigDecimal savingCostMonthly,
    List<Gating> gating,
    Map<Gating, Double> shares) {
  public static final SameNode NONE =
      new SameNode(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), Map.of());

  public SameNode {
    gating = List.copyOf(gating);
    shares = Map.copyOf(shares);
  }

  /** The share of the window in which {@code g} held. */
  public double shareOf(Gating g) {
    return shares.getOrDefault(g, 0.0);
  }
}
