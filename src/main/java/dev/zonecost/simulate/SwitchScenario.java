package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code switch} cluster (issue 27, {@code advise --verify}): the user turns {@code
 * trafficDistribution: PreferSameZone} on, Service by Service, between the window's 42% and 47%;
 * the "before" is the window's first {@link #BEFORE_END} (no Service routed yet), the "after" from
 * {@link #AFTER_START} to its end. What happens after the switch, at {@link #CHANGE} of the window:
 *
 * <ul>
 *   <li>{@code steady}, {@code two-zones}: nothing; they deliver what the routing promised (all of
 *       the cross-zone bytes, or all but those of zone c's clients, which have no endpoint there);
 *   <li>{@code moved}: zone c's endpoint is replaced by one in zone a (a rollout), so zone c's
 *       clients cross again;
 *   <li>{@code suspended}: an endpoint on the node without a zone becomes ready, so kube-proxy
 *       ignores every hint of the Service while it is;
 *   <li>{@code clients}: its clients move from zones a and b to zone c, which has no endpoint;
 *   <li>{@code left-off}: never switched on.
 * </ul>
 *
 * Each client calls every endpoint it meets, so before the switch about two thirds of the bytes of
 * a Service spread over three zones cross.
 */
public final class SwitchScenario {
  /** The end of the "before" window, as a share of the window. */
  public static final double BEFORE_END = 0.4;

  /** The start of the "after" window, as a share of the window. */
  public static final double AFTER_START = 0.5;

  /** When the changes after the switch happen, as a share of the window. */
  static final double CHANGE = 0.6;

  /** Per Service, the reason {@code advise --verify} must give ("" where it delivers). */
  public static final Map<String, String> CASES =
      Map.of(
          "steady", "",
          "two-zones", "",
          "moved", "endpoints-moved",
          "suspended", "endpoints-without-zone",
          "clients", "clients-moved",
          "left-off", "routing-off");

  private final ServicePods k;
  private final boolean switched;

  private SwitchScenario(SimulationSpec spec, boolean switched) {
    this.k = new ServicePods(spec);
    this.switched = switched;
  }

  static SimulatedCluster generate(SimulationSpec spec) {
    return generate(spec, true);
  }

  /** The same cluster, or (for the tests' twin) the same without any Service switched on. */
  static SimulatedCluster generate(SimulationSpec spec, boolean switched) {
    return new SwitchScenario(spec, switched).run();
  }

  private SimulatedCluster run() {
    k.nodes();
    int steps = k.steps;
    int change = k.at(CHANGE);
    String a = ServicePods.ZONES.get(0);
    String bz = ServicePods.ZONES.get(1);
    String c = ServicePods.ZONES.get(2);
    List<Pod> web = new ArrayList<>();
    for (String z : ServicePods.ZONES) {
      for (int i = 0; i < 2; i++) {
        web.add(k.pod("web", k.node(z), 0, steps));
      }
    }
    List<Pod> roamers = new ArrayList<>();
    for (String z : List.of(a, bz)) {
      roamers.add(k.pod("roamers", k.node(z), 0, change - 1));
    }
    for (int i = 0; i < 2; i++) {
      roamers.add(k.pod("roamers", k.node(c), change, steps));
    }
    Map<Service, List<Pod>> clientsOf = new LinkedHashMap<>();
    clientsOf.put(k.service("steady", k.backends("steady", a, a, bz, c)), web);
    clientsOf.put(k.service("two-zones", k.backends("two-zones", a, bz)), web);
    List<Pod> moved = k.backends("moved", a, bz);
    moved.add(k.backend("moved", c, 0, change - 1));
    moved.add(k.backend("moved", a, change - 2, steps));
    clientsOf.put(k.service("moved", moved), web);
    List<Pod> suspended = k.backends("suspended", a, bz, c);
    suspended.add(k.backend("suspended", k.unlabelled, change, steps));
    clientsOf.put(k.service("suspended", suspended), web);
    clientsOf.put(k.service("clients", k.backends("clients-api", a, bz)), roamers);
    clientsOf.put(k.service("left-off", k.backends("left-off", a, bz, c)), web);
    int i = 0;
    for (Map.Entry<Service, List<Pod>> e : clientsOf.entrySet()) {
      Service s = e.getKey();
      for (Pod client : e.getValue()) {
        for (Pod p : s.backends()) {
          if (ClusterBuilder.overlapFrom(client, p) >= 0) {
            k.flow(client, p, s);
          }
        }
      }
      if (switched && !s.name().equals("left-off")) {
        k.b.switchOn(s, k.at(0.42 + 0.01 * i++));
      }
    }
    return k.b.build();
  }
}
