package dev.zonecost.advise;

import java.util.Map;

/**
 * How a Service's advice held over the window, which {@code advise} decides step by step.
 *
 * @param gating per reason, the share of the window in which it held
 * @param worstLoad the highest load ratio of a zone's endpoints under PreferSameZone in any step (0
 *     where the routing would not apply)
 * @param worstLoadZone the zone of {@code worstLoad}, "" when there is none
 * @param overloadedShare the share of the window in which a zone's load was above {@link
 *     ZoneLoad#WARN_ABOVE}
 */
public record WindowShares(
    Map<Gating, Double> gating, double worstLoad, String worstLoadZone, double overloadedShare) {
  public WindowShares {
    gating = Map.copyOf(gating);
  }

  /** A window read as one whole: every reason and load held all of it. */
  static WindowShares whole(java.util.List<Gating> gating, java.util.List<ZoneLoad> loads) {
    Map<Gating, Double> g = new java.util.EnumMap<>(Gating.class);
    gating.forEach(x -> g.put(x, 1.0));
    ZoneLoad worst =
        loads.stream().max(java.util.Comparator.comparingDouble(ZoneLoad::ratio)).orElse(null);
    return new WindowShares(
        g,
        worst == null ? 0 : worst.ratio(),
        worst == null ? "" : worst.zone(),
        worst != null && worst.overloaded() ? 1 : 0);
  }

  /** The share of the window in which {@code g} held. */
  public double shareOf(Gating g) {
    return gating.getOrDefault(g, 0.0);
  }
}
