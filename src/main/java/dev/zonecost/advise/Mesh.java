package dev.zonecost.advise;

import java.util.Locale;

/**
 * A service mesh whose proxies, not kube-proxy, pick a Service's endpoint for its clients, when its
 * series show it carried the Service's connections; what it does with {@code
 * spec.trafficDistribution}.
 */
public enum Mesh {
  /**
   * Istio: ztunnel (ambient) honours the field and its own {@code
   * networking.istio.io/traffic-distribution} annotation (istio.io, docs/ambient/usage/
   * traffic-distribution); sidecars and waypoints too since istio/istio#54715, PreferSameZone and
   * PreferSameNode since istio/istio#56042. Both as locality failover: the nearest healthy
   * endpoints (network, region, zone, subzone; or the node), so no all-or-nothing rule on endpoints
   * without a zone as kube-proxy has.
   */
  ISTIO(
      "Istio's proxies pick its endpoints, not kube-proxy: ztunnel honours trafficDistribution"
          + " (sidecars and waypoints too since istio/istio#54715) as locality failover to the"
          + " nearest healthy endpoints, with no rule on endpoints without a zone, so kube-proxy's"
          + " prediction may differ where one has none"),
  /**
   * Linkerd: its destination controller hands each client proxy the Service's ready endpoints
   * filtered as kube-proxy filters them, from the EndpointSlices' zone hints ({@code
   * filterAddresses}: {@code controller/api/destination/endpoint_translator.go} up to version-2.19,
   * {@code controller/api/destination/watcher/filtered_listener_group.go} since edge-26.5.1 and
   * version-2.20, linkerd/linkerd2): every address hinted, else all; those hinted for the client's
   * node's zone, else all. It never reads {@code trafficDistribution} nor node hints, so
   * PreferSameNode (whose slices carry zone hints too) routes as PreferSameZone; the proxy then
   * balances by latency (EWMA), not evenly. The controller's experimental {@code
   * -ext-endpoint-zone-weights} (off by default; {@code controller/cmd/destination/main.go}) weighs
   * same-zone endpoints ten times even without hints.
   */
  LINKERD(
      "Linkerd's proxies pick its endpoints, not kube-proxy: Linkerd ignores trafficDistribution"
          + " and node hints but keeps kube-proxy's rule on the EndpointSlices' zone hints, so"
          + " PreferSameZone's prediction holds and PreferSameNode routes as PreferSameZone");

  private final String note;

  Mesh(String note) {
    this.note = note;
  }

  public String note() {
    return note;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mesh named {@code label} ({@code istio}, {@code linkerd}), null for none or one not known.
   */
  public static Mesh of(String label) {
    for (Mesh m : values()) {
      if (m.label().equals(label)) {
        return m;
      }
    }
    return null;
  }
}
