package dev.zonecost.advise;

import dev.zonecost.cost.CostEstimator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Service's advice over the window from its advice per segment (each decided as kube-proxy
 * decides in it): bytes and savings add up, endpoints are averaged over time, each gating reason
 * and overload reports the share of the window it held, the loads shown are the worst segment's.
 */
final class Combined {
  private Combined() {}

  /** A segment's advice and its share of the window. */
  record Part(Advice advice, double share) {}

  static Advice of(List<Part> parts, Advisor advisor, ServiceInput whole) {
    CostEstimator prices = advisor.prices();
    Map<String, Long> clients = new TreeMap<>();
    Map<String, Double> endpoints = new TreeMap<>();
    Map<Gating, Double> gatingShare = new EnumMap<>(Gating.class);
    long unknown = 0;
    long cross = 0;
    long modelled = 0;
    long remaining = 0;
    long autoRemaining = 0;
    long nodeRemaining = 0;
    Map<Gating, Double> nodeShare = new EnumMap<>(Gating.class);
    double withoutZone = 0;
    double overloadedShare = 0;
    Advice worst = null;
    Part longestAuto = null;
    boolean anyAuto = false;
    boolean autoKept = false;
    for (Part p : parts) {
      Advice a = p.advice();
      a.clientBytes().forEach((z, b) -> clients.merge(z, b, Long::sum));
      a.endpoints().forEach((z, e) -> endpoints.merge(z, e * p.share(), Double::sum));
      withoutZone += a.endpointsWithoutZone() * p.share();
      unknown += a.unknownZoneClientBytes();
      cross += a.crossBytes();
      modelled += a.modelledCrossBytes();
      remaining += a.remainingCrossBytes();
      a.gating().forEach(g -> gatingShare.merge(g, p.share(), Double::sum));
      nodeRemaining += a.sameNode().remainingCrossBytes();
      a.sameNode().gating().forEach(g -> nodeShare.merge(g, p.share(), Double::sum));
      if (a.overloaded()) {
        overloadedShare += p.share();
      }
      if (!a.loads().isEmpty()
          && (worst == null || a.shares().worstLoad() > worst.shares().worstLoad())) {
        worst = a;
      }
      if (a.auto() != null) {
        anyAuto = true;
        autoRemaining += a.auto().remainingCrossBytes();
        boolean kept = a.auto().dropped() == null;
        if (longestAuto == null
            || (kept && !autoKept)
            || (kept == autoKept && p.share() > longestAuto.share())) {
          longestAuto = p;
          autoKept = kept;
        }
      } else {
        autoRemaining += a.crossBytes();
      }
    }
    List<Gating> gating = new ArrayList<>(gatingShare.keySet());
    gating.sort(
        java.util.Comparator.comparingDouble((Gating g) -> -gatingShare.get(g))
            .thenComparing(Enum::ordinal));
    long saving = cross - remaining;
    boolean longLived =
        Math.abs(cross - modelled) > Advisor.DISAGREEMENT * Math.max(cross, modelled)
            && Math.max(cross, modelled) > 0;
    TopologyAuto.Prediction auto = null;
    if (anyAuto) {
      TopologyAuto.Prediction shown = longestAuto.advice().auto();
      auto = new TopologyAuto.Prediction(shown.dropped(), shown.hintedFor(), autoRemaining);
    }
    long autoSaving = auto == null ? 0 : cross - autoRemaining;
    BigDecimal savingCost = prices.crossZoneCost(saving);
    List<ZoneLoad> loads = worst == null ? List.of() : worst.loads();
    WindowShares shares =
        new WindowShares(
            gatingShare,
            worst == null ? 0 : worst.shares().worstLoad(),
            worst == null ? "" : worst.shares().worstLoadZone(),
            overloadedShare);
    Advice draft =
        new Advice(
            whole.namespace(),
            whole.name(),
            clients,
            unknown,
            endpoints,
            withoutZone,
            cross,
            modelled,
            longLived,
            prices.crossZoneCost(cross),
            remaining,
            saving,
            savingCost,
            CostEstimator.projection(savingCost, advisor.window()),
            loads,
            auto,
            autoSaving,
            autoSaving >= 0
                ? prices.crossZoneCost(autoSaving)
                : prices.crossZoneCost(-autoSaving).negate(),
            List.copyOf(gating),
            "",
            shares,
            sameNode(cross, nodeRemaining, nodeShare, advisor),
            null);
    return advisor.withTodo(draft, whole);
  }

  private static SameNode sameNode(
      long cross, long remaining, Map<Gating, Double> shares, Advisor advisor) {
    List<Gating> gating = new ArrayList<>(shares.keySet());
    gating.sort(
        java.util.Comparator.comparingDouble((Gating g) -> -shares.get(g))
            .thenComparing(Enum::ordinal));
    BigDecimal cost = advisor.prices().crossZoneCost(cross - remaining);
    return new SameNode(
        remaining,
        cross - remaining,
        cost,
        CostEstimator.projection(cost, advisor.window()),
        gating,
        shares);
  }
}
