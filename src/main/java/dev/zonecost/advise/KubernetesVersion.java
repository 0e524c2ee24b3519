package dev.zonecost.advise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cluster's minor version ({@code --kubernetes-version 1.30}, {@code v1.33.2}). */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {
  private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?([-+].*)?");

  /** {@code spec.trafficDistribution: PreferClose}: beta, on by default (KEP-4444). */
  public static final KubernetesVersion PREFER_CLOSE = new KubernetesVersion(1, 31);

  /** {@code PreferSameZone}: beta, on by default (KEP-3015); PreferClose is then its alias. */
  public static final KubernetesVersion PREFER_SAME_ZONE = new KubernetesVersion(1, 34);

  /**
   * {@code PreferSameNode}: beta, on by default (feature gate {@code
   * PreferSameTrafficDistribution}: alpha 1.33, beta 1.34, GA 1.35, {@code
   * pkg/features/kube_features.go}).
   */
  public static final KubernetesVersion PREFER_SAME_NODE = new KubernetesVersion(1, 34);

  /** {@code PreferSameZone} and {@code PreferSameNode} GA, the gate locked on. */
  public static final KubernetesVersion PREFER_SAME_GA = new KubernetesVersion(1, 35);

  /** The {@code service.kubernetes.io/topology-mode} annotation (KEP-2433). */
  public static final KubernetesVersion TOPOLOGY_MODE = new KubernetesVersion(1, 27);

  /**
   * @throws IllegalArgumentException when {@code text} is not a version
   */
  public static KubernetesVersion parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a Kubernetes version: '" + text + "' (expected e.g. 1.33 or v1.33.2)");
    }
    return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  @Override
  public int compareTo(KubernetesVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  public boolean atLeast(KubernetesVersion o) {
    return compareTo(o) >= 0;
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
