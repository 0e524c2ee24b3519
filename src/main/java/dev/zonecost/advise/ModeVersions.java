package dev.zonecost.advise;

/**
 * What each routing mode is in a given Kubernetes version, from the feature gates in {@code
 * pkg/features/kube_features.go}: {@code ServiceTrafficDistribution} (the field, with {@code
 * PreferClose}: alpha 1.30, beta on by default 1.31, GA 1.33), {@code
 * PreferSameTrafficDistribution} ({@code PreferSameZone} and {@code PreferSameNode}: alpha 1.33,
 * beta on by default 1.34, GA 1.35), {@code TopologyAwareHints} (alpha 1.21, beta 1.23, on by
 * default 1.24, GA 1.33; the {@code service.kubernetes.io/topology-mode} annotation from 1.27).
 */
final class ModeVersions {
  private ModeVersions() {}

  /** One line: per mode, whether the version has it and how. */
  static String line(KubernetesVersion v) {
    return "Kubernetes "
        + v
        + ": PreferSameZone's routing "
        + sameZone(v)
        + "; PreferSameNode "
        + stage(v, 33, 34, 35)
        + "; topology-mode Auto "
        + auto(v);
  }

  private static String sameZone(KubernetesVersion v) {
    String close = "as PreferClose " + stage(v, 30, 31, 33);
    if (atLeast(v, 34)) {
      return "as PreferSameZone " + stage(v, 33, 34, 35) + " (PreferClose its deprecated alias)";
    }
    if (atLeast(v, 33)) {
      return close + " (the name PreferSameZone alpha, off by default)";
    }
    return close;
  }

  private static String auto(KubernetesVersion v) {
    if (atLeast(v, 27)) {
      return "available";
    }
    return atLeast(v, 24)
        ? "through the older service.kubernetes.io/topology-aware-hints annotation"
        : "not on by default";
  }

  /** A feature's stage: not there, alpha (off by default), beta (on), GA. */
  private static String stage(KubernetesVersion v, int alpha, int beta, int ga) {
    if (atLeast(v, ga)) {
      return "GA";
    }
    if (atLeast(v, beta)) {
      return "beta, on by default (GA in 1." + ga + ")";
    }
    if (atLeast(v, alpha)) {
      return "alpha, off by default (on from 1." + beta + ")";
    }
    return "not available (from 1." + beta + ")";
  }

  private static boolean atLeast(KubernetesVersion v, int minor) {
    return v.atLeast(new KubernetesVersion(1, minor));
  }
}
