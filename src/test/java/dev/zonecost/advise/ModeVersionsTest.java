package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** --kubernetes-version: what each mode is in that version (pkg/features/kube_features.go). */
class ModeVersionsTest {
  static String line(String v) {
    return ModeVersions.line(KubernetesVersion.parse(v));
  }

  @Test
  void in_1_33_same_zone_is_prefer_close_and_same_node_is_alpha() {
    assertEquals(
        "Kubernetes 1.33: PreferSameZone's routing as PreferClose GA (the name PreferSameZone"
            + " alpha, off by default); PreferSameNode alpha, off by default (on from 1.34);"
            + " topology-mode Auto available",
        line("1.33"));
  }

  @Test
  void in_1_34_both_are_beta_and_on_by_default() {
    assertEquals(
        "Kubernetes 1.34: PreferSameZone's routing as PreferSameZone beta, on by default (GA in"
            + " 1.35) (PreferClose its deprecated alias); PreferSameNode beta, on by default (GA"
            + " in 1.35); topology-mode Auto available",
        line("v1.34.2"));
  }

  @Test
  void in_1_35_both_are_ga() {
    assertEquals(
        "Kubernetes 1.35: PreferSameZone's routing as PreferSameZone GA (PreferClose its"
            + " deprecated alias); PreferSameNode GA; topology-mode Auto available",
        line("1.35"));
  }

  @Test
  void in_1_30_the_field_is_alpha_and_in_1_26_auto_is_the_older_annotation() {
    assertEquals(
        "Kubernetes 1.30: PreferSameZone's routing as PreferClose alpha, off by default (on from"
            + " 1.31); PreferSameNode not available (from 1.34); topology-mode Auto available",
        line("1.30"));
    assertEquals(
        "Kubernetes 1.26: PreferSameZone's routing as PreferClose not available (from 1.31);"
            + " PreferSameNode not available (from 1.34); topology-mode Auto through the older"
            + " service.kubernetes.io/topology-aware-hints annotation",
        line("1.26"));
  }
}
