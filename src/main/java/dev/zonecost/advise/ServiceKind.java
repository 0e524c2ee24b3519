package dev.zonecost.advise;

/** What kube-state-metrics (or the Services file) says a Service is. */
public enum ServiceKind {
  /** A ClusterIP (or NodePort, LoadBalancer) Service: kube-proxy routes it. */
  CLUSTER_IP,
  /** {@code clusterIP: None}: clients resolve pod IPs themselves, nothing is proxied. */
  HEADLESS,
  /** {@code type: ExternalName}: a DNS alias, nothing is proxied. */
  EXTERNAL_NAME
}
