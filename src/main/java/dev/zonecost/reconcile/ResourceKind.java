package dev.zonecost.reconcile;

/** What a billed resource is to the cluster. */
public enum ResourceKind {
  NODE("node"),
  INSTANCE("instance"),
  NAT_GATEWAY("nat-gateway"),
  OTHER("other");

  private final String label;

  ResourceKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A resource that is not a node: an instance, a NAT gateway ({@code nat-…} or its ARN), else. */
  static ResourceKind notANode(String resourceId) {
    if (resourceId.startsWith("i-")) {
      return INSTANCE;
    }
    if (resourceId.startsWith("nat-") || resourceId.contains(":natgateway/")) {
      return NAT_GATEWAY;
    }
    return OTHER;
  }
}
