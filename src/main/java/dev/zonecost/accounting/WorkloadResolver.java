package dev.zonecost.accounting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retina names a pod's first owner, for a Deployment's pod its ReplicaSet ({@code
 * client-6d4cf56db6}), for a CronJob's its Job ({@code backup-29942002}). Users think in
 * Deployments and CronJobs: roll ReplicaSets up through {@code kube_replicaset_owner}, else strip
 * the pod-template hash; roll Jobs up through {@code kube_job_owner}, else strip a scheduled-time
 * suffix.
 */
public final class WorkloadResolver {
  /** Kubernetes' pod-template-hash alphabet (rand.SafeEncodeString), 6 to 10 characters. */
  private static final Pattern HASHED =
      Pattern.compile("^(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}$");

  public static final WorkloadRef UNKNOWN = new WorkloadRef("unknown", "unknown", "unknown");

  /**
   * A CronJob names its Jobs {@code <cronjob>-<scheduled time in minutes since the epoch>}:
   * kubernetes pkg/controller/cronjob/utils.go, {@code getJobName} = {@code fmt.Sprintf("%s-%d",
   * cj.Name, getTimeHashInMinutes(scheduledTime))} with {@code getTimeHashInMinutes} = {@code
   * scheduledTime.Unix() / 60} (the v2 controller, default since 1.21; the v1 controller of 2017
   * appended seconds, {@code getTimeHash}, which this does not take for a scheduled time).
   */
  private static final Pattern SCHEDULED = Pattern.compile("^(.+)-([0-9]{1,12})$");

  /** The earliest plausible scheduled time: CronJobs (ScheduledJobs) came with Kubernetes 1.4. */
  static final long EARLIEST_SCHEDULE_MINUTE =
      Instant.parse("2016-01-01T00:00:00Z").getEpochSecond() / 60;

  private final Map<String, WorkloadRef> owners = new HashMap<>();
  private final Map<String, WorkloadRef> jobOwners = new HashMap<>();
  private final Map<WorkloadRef, Set<String>> runs = new HashMap<>();
  private final Map<WorkloadRef, Boolean> runsByOwner = new HashMap<>();
  private long latestScheduleMinute = Long.MAX_VALUE;
  private final List<String[]> podOwners = new ArrayList<>();
  private Map<String, String> kindByName;
  private int rolledUpByOwner;
  private int rolledUpByName;

  public void addReplicaSetOwner(
      String cluster, String namespace, String replicaSet, String ownerKind, String ownerName) {
    if (ownerKind.isEmpty() || ownerKind.equals("<none>") || ownerName.isEmpty()) {
      return;
    }
    owners.put(
        key(cluster, namespace, replicaSet), new WorkloadRef(namespace, ownerKind, ownerName));
  }

  /** Job → owning CronJob ({@code kube_job_owner}), for the roll-up of a CronJob's runs. */
  public void addJobOwner(
      String cluster, String namespace, String job, String ownerKind, String ownerName) {
    if (!ownerKind.equals("CronJob") || ownerName.isEmpty()) {
      return;
    }
    jobOwners.put(key(cluster, namespace, job), new WorkloadRef(namespace, ownerKind, ownerName));
  }

  /**
   * The latest time a Job name's suffix may name (the window's end): a later one is no scheduled
   * time, and the Job is not rolled up by its name.
   */
  public WorkloadResolver schedulesUntil(Instant end) {
    latestScheduleMinute = Math.floorDiv(end.getEpochSecond(), 60);
    return this;
  }

  /**
   * A pod's first owner (kube_pod_info's {@code created_by_*}): tells the kind of a workload that a
   * source names without one (Istio's {@code source_workload}).
   */
  public void addPodOwner(String cluster, String namespace, String kind, String name) {
    if (!isUnknown(kind) && !isUnknown(name) && !kind.equals("<none>")) {
      podOwners.add(new String[] {cluster, namespace, kind, name});
      kindByName = null;
    }
  }

  /**
   * The workload an endpoint belongs to. A source that names workloads without their kind (an empty
   * {@code kind}) gets the kind of the pods whose top owner has that name, or {@code unknown} when
   * none or several kinds do.
   */
  public WorkloadRef resolve(
      String cluster, String namespace, String kind, String name, String pod) {
    if (isUnknown(namespace) && isUnknown(name) && isUnknown(pod)) {
      return UNKNOWN;
    }
    String ns = isUnknown(namespace) ? "unknown" : namespace;
    if (isUnknown(name)) {
      return isUnknown(pod)
          ? new WorkloadRef(ns, "unknown", "unknown")
          : new WorkloadRef(ns, "Pod", pod);
    }
    if (kind.isEmpty()) {
      return new WorkloadRef(ns, kindOf(cluster, ns, name), name);
    }
    if (kind.equalsIgnoreCase("ReplicaSet")) {
      WorkloadRef owner = owners.get(key(cluster, ns, name));
      if (owner != null) {
        rolledUpByOwner++;
        return owner;
      }
      Matcher m = HASHED.matcher(name);
      if (m.matches()) {
        rolledUpByName++;
        return new WorkloadRef(ns, "Deployment", m.group(1));
      }
    }
    if (kind.equalsIgnoreCase("Job")) {
      WorkloadRef cronJob = cronJobOf(cluster, ns, name);
      if (cronJob != null) {
        WorkloadRef run = cronJob.withCluster(cluster);
        runs.computeIfAbsent(run, k -> new TreeSet<>()).add(name);
        runsByOwner.merge(run, jobOwners.containsKey(key(cluster, ns, name)), Boolean::logicalAnd);
        return cronJob;
      }
    }
    return new WorkloadRef(ns, isUnknown(kind) ? "unknown" : kind, name);
  }

  /**
   * The CronJob a Job belongs to: its {@code kube_job_owner}, else, for a name whose suffix is a
   * plausible scheduled time (a whole minute between 2016 and the window's end), the name less that
   * suffix; null when neither.
   */
  private WorkloadRef cronJobOf(String cluster, String namespace, String job) {
    WorkloadRef owner = jobOwners.get(key(cluster, namespace, job));
    if (owner != null) {
      return owner;
    }
    Matcher m = SCHEDULED.matcher(job);
    if (m.matches()) {
      long minute = Long.parseLong(m.group(2));
      if (minute >= EARLIEST_SCHEDULE_MINUTE && minute <= latestScheduleMinute) {
        return new WorkloadRef(namespace, "CronJob", m.group(1));
      }
    }
    return null;
  }

  /**
   * The CronJobs whose Jobs were rolled up, each with the Jobs (runs) rolled into it, and whether
   * every one was by {@code kube_job_owner} (else some by name). Its cluster is the series'.
   */
  public List<CronJobRuns> cronJobRuns() {
    List<CronJobRuns> out = new ArrayList<>();
    runs.forEach(
        (cronJob, jobs) ->
            out.add(new CronJobRuns(cronJob, List.copyOf(jobs), runsByOwner.get(cronJob))));
    out.sort(
        Comparator.comparing((CronJobRuns r) -> r.cronJob().cluster())
            .thenComparing(r -> r.cronJob().namespace())
            .thenComparing(r -> r.cronJob().name()));
    return out;
  }

  /** A CronJob and the Jobs rolled into it. */
  public record CronJobRuns(WorkloadRef cronJob, List<String> jobs, boolean byOwner) {
    public int runs() {
      return jobs.size();
    }
  }

  private String kindOf(String cluster, String namespace, String name) {
    if (kindByName == null) {
      Map<String, String> m = new HashMap<>();
      for (String[] o : podOwners) {
        WorkloadRef top = resolveOwner(o[0], o[1], o[2], o[3]);
        m.merge(key(o[0], o[1], top.name()), top.kind(), (a, b) -> a.equals(b) ? a : "unknown");
      }
      kindByName = m;
    }
    return kindByName.getOrDefault(key(cluster, namespace, name), "unknown");
  }

  /** A first owner rolled up without counting it in the roll-up statistics. */
  private WorkloadRef resolveOwner(String cluster, String namespace, String kind, String name) {
    if (kind.equalsIgnoreCase("ReplicaSet")) {
      WorkloadRef owner = owners.get(key(cluster, namespace, name));
      if (owner != null) {
        return owner;
      }
      Matcher m = HASHED.matcher(name);
      if (m.matches()) {
        return new WorkloadRef(namespace, "Deployment", m.group(1));
      }
    }
    if (kind.equalsIgnoreCase("Job")) {
      WorkloadRef cronJob = cronJobOf(cluster, namespace, name);
      if (cronJob != null) {
        return cronJob;
      }
    }
    return new WorkloadRef(namespace, kind, name);
  }

  public int rolledUpByOwner() {
    return rolledUpByOwner;
  }

  public int rolledUpByName() {
    return rolledUpByName;
  }

  private static boolean isUnknown(String v) {
    return v == null || v.isEmpty() || v.equals("unknown");
  }

  private static String key(String cluster, String namespace, String replicaSet) {
    return cluster + '\u0000' + namespace + '\u0000' + replicaSet;
  }
}
