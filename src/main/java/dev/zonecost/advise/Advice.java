package dev.zonecost.advise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What topology-aware routing would do for one Service over the window.
 *
 * @param clientBytes per client zone, what its clients moved through the Service ({@code T_z})
 * @param endpoints ready endpoints per zone, averaged over the window ({@code e_z})
 * @param crossBytes cross-zone bytes today, measured from the pod pairs
 * @param modelledCrossBytes cross-zone bytes today if every client picked among all ready endpoints
 *     uniformly (kube-proxy's random choice)
 * @param longLived whether measured and modelled differ by more than 10%: long-lived connections
 *     (or an uneven choice) that the uniform model does not see
 * @param remainingCrossBytes what would still cross under PreferSameZone (today's when gated)
 * @param savingBytes today's cross-zone bytes less the remaining ones
 * @param loads per zone with endpoints, the load under PreferSameZone
 * @param auto the outcome of {@code topology-mode: Auto}
 * @param gating every reason the Service cannot use (or does not need) the routing
 * @param todo one line: what to do
 * @param shares how long each gating reason and each load held over the window
 * @param sameNode the outcome of {@code PreferSameNode}
 * @param mesh the mesh whose proxies carried the Service's connections, null for none seen
 */
public record Advice(
    String namespace,
    String name,
    Map<String, Long> clientBytes,
    long unknownZoneClientBytes,
    Map<String, Double> endpoints,
    double endpointsWithoutZone,
    long crossBytes,
    long modelledCrossBytes,
    boolean longLived,
    BigDecimal crossCost,
    long remainingCrossBytes,
    long savingBytes,
    BigDecimal savingCost,
    BigDecimal savingCostMonthly,
    List<ZoneLoad> loads,
    TopologyAuto.Prediction auto,
    long autoSavingBytes,
    BigDecimal autoSavingCost,
    List<Gating> gating,
    String todo,
    WindowShares shares,
    SameNode sameNode,
    Mesh mesh) {

  /** The same advice for a Service a mesh's proxies route, its line saying so. */
  public Advice withMesh(Mesh m) {
    return new Advice(
        namespace,
        name,
        clientBytes,
        unknownZoneClientBytes,
        endpoints,
        endpointsWithoutZone,
        crossBytes,
        modelledCrossBytes,
        longLived,
        crossCost,
        remainingCrossBytes,
        savingBytes,
        savingCost,
        savingCostMonthly,
        loads,
        auto,
        autoSavingBytes,
        autoSavingCost,
        gating,
        m == null ? todo : todo + "; " + m.note(),
        shares,
        sameNode,
        m);
  }

  public String label() {
    return namespace + "/" + name;
  }

  public boolean overloaded() {
    return loads.stream().anyMatch(ZoneLoad::overloaded);
  }

  public boolean gated() {
    return !gating.isEmpty();
  }
}
