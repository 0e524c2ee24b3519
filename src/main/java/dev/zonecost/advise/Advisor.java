package dev.zonecost.advise;

import dev.zonecost.cost.CostEstimator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Turns one Service's inputs into its advice: the models, the gating, the money, the line. */
public final class Advisor {
  /** Measured and modelled cross-zone bytes further apart than this share are flagged. */
  public static final double DISAGREEMENT = 0.10;

  private final ClusterFacts cluster;
  private final CostEstimator prices;
  private final Duration window;

  CostEstimator prices() {
    return prices;
  }

  Duration window() {
    return window;
  }

  public Advisor(ClusterFacts cluster, CostEstimator prices, Duration window) {
    this.cluster = cluster;
    this.prices = prices;
    this.window = window;
  }

  public Advice advise(ServiceInput in) {
    return advise(in, NodeInput.NONE);
  }

  /** The same with the Service's clients per node, for {@code PreferSameNode}. */
  public Advice advise(ServiceInput in, NodeInput nodes) {
    List<Gating> gating = gating(in);
    long cross = in.crossBytes();
    long modelled = uniformCross(in);
    boolean longLived =
        Math.abs(cross - modelled) > DISAGREEMENT * Math.max(cross, modelled)
            && Math.max(cross, modelled) > 0;
    long remaining = cross;
    List<ZoneLoad> loads = List.of();
    // Loads only where the routing is (or would be) in force: elsewhere they describe nothing.
    boolean applies = gating.isEmpty() || gating.equals(List.of(Gating.ALREADY_ON));
    if (applies && in.zonedEndpoints() > 0) {
      PreferSameZone.Prediction p = PreferSameZone.predict(in);
      loads = p.loads();
      if (gating.isEmpty()) {
        remaining = p.remainingCrossBytes();
      }
    }
    long saving = cross - remaining;
    TopologyAuto.Prediction auto =
        proxiedElsewhere(gating) || gating.contains(Gating.NO_ENDPOINTS)
            ? null
            : TopologyAuto.predict(in, cluster.nodes());
    long autoSaving = auto == null ? 0 : cross - auto.remainingCrossBytes();
    BigDecimal savingCost = prices.crossZoneCost(saving);
    Advice draft =
        new Advice(
            in.namespace(),
            in.name(),
            in.clientBytesByZone(),
            in.unknownZoneClientBytes(),
            new java.util.TreeMap<>(in.endpoints()),
            in.endpointsWithoutZone(),
            cross,
            modelled,
            longLived,
            prices.crossZoneCost(cross),
            remaining,
            saving,
            savingCost,
            CostEstimator.projection(savingCost, window),
            loads,
            auto,
            autoSaving,
            signedCost(autoSaving),
            List.copyOf(gating),
            "",
            WindowShares.whole(gating, loads),
            sameNode(in, nodes, gating),
            null);
    return withTodo(draft, in);
  }

  /**
   * PreferSameNode: gated as PreferSameZone but for endpoints without a zone (its node hints still
   * apply) and for the version it needs.
   */
  private SameNode sameNode(ServiceInput in, NodeInput nodes, List<Gating> zoneGating) {
    List<Gating> g = new ArrayList<>(zoneGating);
    g.remove(Gating.ENDPOINTS_WITHOUT_ZONE);
    g.remove(Gating.KUBERNETES_TOO_OLD);
    if (cluster.version() != null
        && !cluster.version().atLeast(KubernetesVersion.PREFER_SAME_NODE)) {
      g.add(Gating.SAME_NODE_TOO_OLD);
      g.sort(Comparator.naturalOrder());
    }
    long cross = in.crossBytes();
    long remaining = g.isEmpty() ? PreferSameNode.remainingCrossBytes(in, nodes) : cross;
    java.util.Map<Gating, Double> shares = new java.util.EnumMap<>(Gating.class);
    g.forEach(x -> shares.put(x, 1.0));
    BigDecimal saving = prices.crossZoneCost(cross - remaining);
    return new SameNode(
        remaining, cross - remaining, saving, CostEstimator.projection(saving, window), g, shares);
  }

  private BigDecimal signedCost(long bytes) {
    return bytes >= 0 ? prices.crossZoneCost(bytes) : prices.crossZoneCost(-bytes).negate();
  }

  /** Gates under which kube-proxy never applies zone hints to this Service's clients. */
  private static boolean proxiedElsewhere(List<Gating> g) {
    return g.contains(Gating.HEADLESS)
        || g.contains(Gating.EXTERNAL_NAME)
        || g.contains(Gating.INTERNAL_TRAFFIC_LOCAL)
        || g.contains(Gating.DATAPATH_WITHOUT_TOPOLOGY);
  }

  List<Gating> gating(ServiceInput in) {
    List<Gating> g = new ArrayList<>();
    switch (in.effectiveKind()) {
      case HEADLESS -> g.add(Gating.HEADLESS);
      case EXTERNAL_NAME -> g.add(Gating.EXTERNAL_NAME);
      case CLUSTER_IP -> {}
    }
    if (in.spec() != null && in.spec().localOnly()) {
      g.add(Gating.INTERNAL_TRAFFIC_LOCAL);
    }
    if (g.isEmpty() && in.zonedEndpoints() + in.endpointsWithoutZone() <= 0) {
      g.add(Gating.NO_ENDPOINTS);
    }
    if (in.endpointsWithoutZone() > 0) {
      g.add(Gating.ENDPOINTS_WITHOUT_ZONE);
    }
    if (cluster.version() != null && !cluster.version().atLeast(KubernetesVersion.PREFER_CLOSE)) {
      g.add(Gating.KUBERNETES_TOO_OLD);
    }
    if (!cluster.datapath().readsHints()) {
      g.add(Gating.DATAPATH_WITHOUT_TOPOLOGY);
    }
    if (in.hinted() || (in.spec() != null && in.spec().routingOn())) {
      g.add(Gating.ALREADY_ON);
    }
    return g;
  }

  /**
   * Today's cross-zone bytes if each client picked among all ready endpoints at random, as
   * kube-proxy does per connection: {@code T_z × (zoned endpoints elsewhere) / all endpoints}.
   */
  static long uniformCross(ServiceInput in) {
    double all = in.zonedEndpoints() + in.endpointsWithoutZone();
    if (all <= 0) {
      return 0;
    }
    double cross = 0;
    for (ZoneTraffic t : in.traffic()) {
      cross += t.clientBytes() * (in.zonedEndpoints() - in.endpointsIn(t.zone())) / all;
    }
    return Math.round(cross);
  }

  /** The field's value this cluster takes: PreferClose before 1.34, PreferSameZone from it. */
  String fieldValue() {
    return cluster.version() != null
            && !cluster.version().atLeast(KubernetesVersion.PREFER_SAME_ZONE)
        ? "PreferClose"
        : "PreferSameZone";
  }

  Advice withTodo(Advice a, ServiceInput in) {
    String todo;
    if (a.gated() && a.savingBytes() <= 0) {
      todo = a.gating().get(0).fix();
    } else if (a.savingBytes() <= 0) {
      todo = "nothing to gain: no cross-zone bytes that PreferSameZone would keep in zone";
    } else {
      StringBuilder s = new StringBuilder("set spec.trafficDistribution: " + fieldValue());
      List<ZoneLoad> hot =
          a.loads().stream()
              .filter(ZoneLoad::overloaded)
              .sorted(Comparator.comparingDouble(ZoneLoad::ratio).reversed())
              .toList();
      if (!hot.isEmpty()) {
        StringBuilder scale = new StringBuilder();
        for (ZoneLoad l : a.loads()) {
          scale.append(scale.length() == 0 ? "" : ", ").append(l.zone()).append(' ');
          scale.append(l.suggestedReplicas());
        }
        s.insert(
            0,
            String.format(
                Locale.ROOT,
                "scale to %s ready endpoints (%s would take %.2fx its share), then ",
                scale,
                hot.get(0).zone(),
                hot.get(0).ratio()));
      }
      List<String> empty =
          in.traffic().stream()
              .filter(t -> t.clientBytes() > 0 && in.coverageOf(t.zone()) < 1)
              .map(ZoneTraffic::zone)
              .toList();
      if (a.remainingCrossBytes() > 0 && !empty.isEmpty()) {
        s.append("; an endpoint in ").append(String.join(", ", empty));
        s.append(" would keep the rest in zone too");
      }
      for (Gating g : a.gating()) {
        double share = a.shares().shareOf(g);
        if (share < 1) {
          s.append(
              String.format(
                  Locale.ROOT,
                  "; %s for %.0f%% of the window (no saving then): %s",
                  g.label(),
                  share * 100,
                  g.fix()));
        }
      }
      todo = s.toString();
    }
    return new Advice(
        a.namespace(),
        a.name(),
        a.clientBytes(),
        a.unknownZoneClientBytes(),
        a.endpoints(),
        a.endpointsWithoutZone(),
        a.crossBytes(),
        a.modelledCrossBytes(),
        a.longLived(),
        a.crossCost(),
        a.remainingCrossBytes(),
        a.savingBytes(),
        a.savingCost(),
        a.savingCostMonthly(),
        a.loads(),
        a.auto(),
        a.autoSavingBytes(),
        a.autoSavingCost(),
        a.gating(),
        todo + sameNodeNote(a),
        a.shares(),
        a.sameNode(),
        a.mesh());
  }

  /** Where PreferSameNode would keep more in zone than PreferSameZone, the line says so. */
  private String sameNodeNote(Advice a) {
    SameNode n = a.sameNode();
    if (n == null || n.savingBytes() <= Math.max(0, a.savingBytes())) {
      return "";
    }
    return "; PreferSameNode"
        + (cluster.version() != null
                && !cluster.version().atLeast(KubernetesVersion.PREFER_SAME_NODE)
            ? " (from 1.34)"
            : "")
        + " would keep more in zone (its clients on nodes with a ready endpoint stay on them"
        + (a.gating().contains(Gating.ENDPOINTS_WITHOUT_ZONE)
            ? ", even while an endpoint has no zone)"
            : ")");
  }
}
