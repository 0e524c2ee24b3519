package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkloadResolverTest {
  @Test
  void should_roll_a_replicaset_up_to_its_deployment_through_kube_replicaset_owner() {
    WorkloadResolver r = new WorkloadResolver();
    r.addReplicaSetOwner("", "shop", "api-6d4cf56db6", "Deployment", "storefront-api");
    assertEquals(
        new WorkloadRef("shop", "Deployment", "storefront-api"),
        r.resolve("", "shop", "ReplicaSet", "api-6d4cf56db6", "api-6d4cf56db6-x2x9z"));
  }

  @Test
  void should_strip_the_pod_template_hash_when_the_owner_is_not_known() {
    WorkloadResolver r = new WorkloadResolver();
    assertEquals(
        new WorkloadRef("shop", "Deployment", "client"),
        r.resolve("", "shop", "ReplicaSet", "client-6d4cf56db6", "client-6d4cf56db6-abcde"));
  }

  @Test
  void should_keep_a_replicaset_whose_name_has_no_hash() {
    assertEquals(
        new WorkloadRef("shop", "ReplicaSet", "legacy"),
        new WorkloadResolver().resolve("", "shop", "ReplicaSet", "legacy", "legacy-abcde"));
  }

  @Test
  void should_not_mix_up_equal_replicaset_names_in_other_namespaces_or_clusters() {
    WorkloadResolver r = new WorkloadResolver();
    r.addReplicaSetOwner("eu", "a", "web-7f9c5d8b4", "Deployment", "web-eu");
    assertEquals(
        new WorkloadRef("b", "Deployment", "web"),
        r.resolve("eu", "b", "ReplicaSet", "web-7f9c5d8b4", "p"));
    assertEquals(
        new WorkloadRef("a", "Deployment", "web"),
        r.resolve("us", "a", "ReplicaSet", "web-7f9c5d8b4", "p"));
  }

  @Test
  void should_keep_statefulsets_and_name_unknown_endpoints_unknown() {
    WorkloadResolver r = new WorkloadResolver();
    assertEquals(
        new WorkloadRef("db", "StatefulSet", "cache"),
        r.resolve("", "db", "StatefulSet", "cache", "cache-0"));
    assertEquals(
        WorkloadResolver.UNKNOWN, r.resolve("", "unknown", "unknown", "unknown", "unknown"));
    assertEquals(WorkloadResolver.UNKNOWN, r.resolve("", "", "", "", ""));
  }
}
