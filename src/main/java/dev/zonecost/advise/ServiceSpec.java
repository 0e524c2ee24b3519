package dev.zonecost.advise;

/**
 * What only the Service object says (from {@code --services-file}, {@code kubectl get svc -A -o
 * json}); kube-state-metrics shows none of it. Empty strings where the field is unset.
 *
 * @param trafficDistribution {@code spec.trafficDistribution}
 * @param internalTrafficPolicy {@code spec.internalTrafficPolicy} (Cluster when unset)
 * @param topologyMode the {@code service.kubernetes.io/topology-mode} annotation (or the older
 *     {@code service.kubernetes.io/topology-aware-hints})
 */
public record ServiceSpec(
    ServiceKind kind,
    String trafficDistribution,
    String internalTrafficPolicy,
    String topologyMode) {

  public boolean localOnly() {
    return internalTrafficPolicy.equalsIgnoreCase("Local");
  }

  /** Whether a same-zone preference is already asked for, either way. */
  public boolean routingOn() {
    return !trafficDistribution.isEmpty() || topologyMode.equalsIgnoreCase("Auto");
  }
}
