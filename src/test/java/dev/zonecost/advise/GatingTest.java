package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each reason a Service cannot use (or does not need) PreferSameZone, on its own. */
class GatingTest {
  static Inputs crossing() {
    return Inputs.service()
        .clients("a", 1000, 500)
        .clients("b", 1000, 500)
        .endpoints("a", 1)
        .endpoints("b", 1);
  }

  static Advice advise(Inputs in) {
    return Inputs.advisor().advise(in.build());
  }

  static void assertGated(Advice a, Gating g) {
    assertEquals(List.of(g), a.gating(), a.toString());
    assertEquals(0, a.savingBytes());
    assertEquals(a.crossBytes(), a.remainingCrossBytes());
    assertEquals(g.fix(), a.todo());
  }

  @Test
  void ungated_service_saves() {
    Advice a = advise(crossing());
    assertTrue(a.gating().isEmpty());
    assertEquals(1000, a.savingBytes());
  }

  @Test
  void headless() {
    Advice a = advise(crossing().kind(ServiceKind.HEADLESS));
    assertGated(a, Gating.HEADLESS);
    assertNull(a.auto());
    assertTrue(a.loads().isEmpty());
  }

  @Test
  void external_name() {
    assertGated(advise(crossing().kind(ServiceKind.EXTERNAL_NAME)), Gating.EXTERNAL_NAME);
  }

  @Test
  void headless_from_the_services_file_wins_over_kube_state_metrics() {
    Advice a = advise(crossing().spec(new ServiceSpec(ServiceKind.HEADLESS, "", "", "")));
    assertGated(a, Gating.HEADLESS);
  }

  @Test
  void internal_traffic_policy_local() {
    Advice a = advise(crossing().spec(new ServiceSpec(ServiceKind.CLUSTER_IP, "", "Local", "")));
    assertGated(a, Gating.INTERNAL_TRAFFIC_LOCAL);
  }

  @Test
  void endpoints_without_a_zone() {
    Advice a = advise(crossing().withoutZone(1));
    assertGated(a, Gating.ENDPOINTS_WITHOUT_ZONE);
    assertEquals(TopologyAuto.Dropped.ENDPOINT_WITHOUT_ZONE, a.auto().dropped());
  }

  @Test
  void no_ready_endpoints() {
    Advice a = advise(Inputs.service().clients("a", 10, 0));
    assertGated(a, Gating.NO_ENDPOINTS);
  }

  @Test
  void cluster_version_without_the_field() {
    Advice a =
        Inputs.advisor(new KubernetesVersion(1, 30), Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN)
            .advise(crossing().build());
    assertGated(a, Gating.KUBERNETES_TOO_OLD);
  }

  @Test
  void version_1_31_has_the_field() {
    Advice a =
        Inputs.advisor(new KubernetesVersion(1, 31), Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN)
            .advise(crossing().build());
    assertTrue(a.gating().isEmpty());
  }

  @Test
  void cilium_without_service_topology() {
    Advice a =
        Inputs.advisor(null, Datapath.CILIUM, NodeCapacity.UNKNOWN).advise(crossing().build());
    assertGated(a, Gating.DATAPATH_WITHOUT_TOPOLOGY);
    assertTrue(
        Inputs.advisor(null, Datapath.CILIUM_SERVICE_TOPOLOGY, NodeCapacity.UNKNOWN)
            .advise(crossing().build())
            .gating()
            .isEmpty());
  }

  @Test
  void already_on_from_hints() {
    assertGated(advise(crossing().hinted()), Gating.ALREADY_ON);
  }

  @Test
  void already_on_from_the_services_file() {
    Advice a =
        advise(crossing().spec(new ServiceSpec(ServiceKind.CLUSTER_IP, "PreferClose", "", "")));
    assertGated(a, Gating.ALREADY_ON);
    Advice auto =
        advise(crossing().spec(new ServiceSpec(ServiceKind.CLUSTER_IP, "", "Cluster", "Auto")));
    assertGated(auto, Gating.ALREADY_ON);
  }
}
