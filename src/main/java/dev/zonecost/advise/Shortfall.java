package dev.zonecost.advise;

import java.util.Locale;

/** Why a Service's routing did not deliver the saving predicted for it, each with its fix. */
public enum Shortfall {
  ROUTING_OFF(
      "no zone hints on its endpoints in the window: the field is not set, or the EndpointSlice"
          + " controller published no hints",
      "set spec.trafficDistribution: PreferSameZone (check kubectl get endpointslices -o yaml for"
          + " hints.forZones)"),
  NOT_APPLIED(
      "zone hints seen, yet bytes crossed that kube-proxy's rule keeps in zone: hints for part"
          + " of the window only, connections opened before the switch (kube-proxy routes new"
          + " connections only), or a datapath that ignores hints",
      "restart the clients' long-lived connections; check the datapath (--datapath)"),
  ENDPOINTS_WITHOUT_ZONE(
      "routing suspended: a ready endpoint without a zone makes kube-proxy ignore every hint of"
          + " the Service",
      "label the endpoints' nodes with topology.kubernetes.io/zone"),
  ENDPOINTS_MOVED(
      "endpoints moved: zones whose clients had a ready endpoint before had none for part of the"
          + " window",
      "spread the endpoints over the clients' zones again (topologySpreadConstraints)"),
  CLIENTS_MOVED(
      "clients moved: more of the Service's bytes come from zones without a ready endpoint than"
          + " before",
      "run an endpoint in the clients' new zones");

  private final String reason;
  private final String fix;

  Shortfall(String reason, String fix) {
    this.reason = reason;
    this.fix = fix;
  }

  public String reason() {
    return reason;
  }

  public String fix() {
    return fix;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
