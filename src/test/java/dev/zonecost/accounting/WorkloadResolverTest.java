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

  /** 2026-11-01T02:00:00Z in minutes since the epoch, as the CronJob controller names its Jobs. */
  private static final long MINUTE =
      java.time.Instant.parse("2026-11-01T02:00:00Z").getEpochSecond() / 60;

  @Test
  void should_roll_a_job_up_to_its_cronjob_through_kube_job_owner_and_count_its_runs() {
    WorkloadResolver r = new WorkloadResolver();
    r.addJobOwner("", "ops", "nightly-7", "CronJob", "backup");
    r.addJobOwner("", "ops", "nightly-8", "CronJob", "backup");
    WorkloadRef backup = new WorkloadRef("ops", "CronJob", "backup");
    assertEquals(backup, r.resolve("", "ops", "Job", "nightly-7", "nightly-7-abcde"));
    assertEquals(backup, r.resolve("", "ops", "Job", "nightly-7", "nightly-7-abcde"));
    assertEquals(backup, r.resolve("", "ops", "Job", "nightly-8", "nightly-8-fghij"));
    assertEquals(
        java.util.List.of(
            new WorkloadResolver.CronJobRuns(
                backup, java.util.List.of("nightly-7", "nightly-8"), true)),
        r.cronJobRuns());
    assertEquals(2, r.cronJobRuns().get(0).runs());
  }

  @Test
  void should_strip_a_plausible_scheduled_time_without_kube_job_owner_only_for_jobs() {
    WorkloadResolver r =
        new WorkloadResolver().schedulesUntil(java.time.Instant.parse("2026-11-01T03:00:00Z"));
    String job = "backup-" + MINUTE;
    assertEquals(
        new WorkloadRef("ops", "CronJob", "backup"), r.resolve("", "ops", "Job", job, job + "-x"));
    assertEquals(false, r.cronJobRuns().get(0).byOwner());
    // Not a scheduled time: a Job named by hand, one "scheduled" after the window, seconds.
    assertEquals(
        new WorkloadRef("ops", "Job", "migrate-2"), r.resolve("", "ops", "Job", "migrate-2", "p"));
    String later = "backup-" + (MINUTE + 24 * 60);
    assertEquals(new WorkloadRef("ops", "Job", later), r.resolve("", "ops", "Job", later, "p"));
    String seconds = "backup-" + MINUTE * 60;
    assertEquals(new WorkloadRef("ops", "Job", seconds), r.resolve("", "ops", "Job", seconds, "p"));
    // Only a Job's pods: a StatefulSet named like one stays itself.
    assertEquals(
        new WorkloadRef("ops", "StatefulSet", job), r.resolve("", "ops", "StatefulSet", job, "p"));
  }
}
