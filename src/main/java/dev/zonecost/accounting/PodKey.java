package dev.zonecost.accounting;

/**
 * One incarnation of a pod. The IP tells apart two pods that shared a name at different times (a
 * StatefulSet's pod recreated on another node); namespace and cluster tell apart equal names.
 */
public record PodKey(String cluster, String namespace, String pod, String ip) {
  public PodKey withoutIp() {
    return new PodKey(cluster, namespace, pod, "");
  }
}
