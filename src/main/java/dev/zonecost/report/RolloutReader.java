package dev.zonecost.report;

import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.ExportedLabels;
import dev.zonecost.promql.PromqlStrings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollouts inside a window: ReplicaSets whose creation time (kube-state-metrics' {@code
 * kube_replicaset_created}, Unix seconds) lies in it, owned by a Deployment ({@code
 * kube_replicaset_owner}). Two instant queries at the window's end; kube-state-metrics replicas and
 * restarts are folded by {@code max by}. StatefulSets and DaemonSets roll out through
 * ControllerRevisions, which kube-state-metrics does not export: their rollouts are found by their
 * pods' creation times ({@code kube_pod_created}, owner from {@code kube_pod_owner}) — a set whose
 * pods were created in the window rolled out then (or had pods replaced for another reason), at its
 * first new pod. Labels renamed by a scrape without {@code honor_labels} are read from their {@code
 * exported_} twins.
 */
public final class RolloutReader {
  public static final String CREATED = "kube_replicaset_created";
  public static final String OWNER = "kube_replicaset_owner";
  public static final String POD_CREATED = "kube_pod_created";
  public static final String POD_OWNER = "kube_pod_owner";

  /** The pods' owners whose rollouts are read from their pods' creation times. */
  static final String SET_KINDS = "StatefulSet|DaemonSet";

  private RolloutReader() {}

  public static String createdQuery(String cluster, Duration window) {
    return lastBy(cluster, "namespace, replicaset", CREATED, window);
  }

  public static String ownerQuery(String cluster, Duration window) {
    return lastBy(
        cluster,
        "namespace, replicaset, owner_name",
        OWNER + "{owner_kind=\"Deployment\"}",
        window);
  }

  /** The pods created at or after {@code start}: their creation time, Unix seconds. */
  public static String podsCreatedQuery(String cluster, Duration window, Instant start) {
    return lastBy(cluster, "namespace, pod", POD_CREATED, window) + " >= " + start.getEpochSecond();
  }

  /** The pods owned by a StatefulSet or a DaemonSet. */
  public static String setPodsQuery(String cluster, Duration window) {
    return lastBy(
        cluster,
        "namespace, pod, owner_kind, owner_name",
        POD_OWNER + "{owner_kind=~\"" + SET_KINDS + "\"}",
        window);
  }

  private static String lastBy(String cluster, String labels, String selector, Duration window) {
    return "max by ("
        + cluster
        + ", "
        + labels
        + ") ("
        + ExportedLabels.coalesced(
            labels, "last_over_time(" + selector + "[" + PromqlStrings.duration(window) + "])")
        + ")";
  }

  /** The rollouts created in [start, end], oldest first. */
  public static List<Rollout> read(PrometheusApi api, EngineRequest request) {
    String cluster = request.names().clusterLabel();
    Duration window = Duration.between(request.start(), request.end());
    Map<String, String> deploymentOf = new HashMap<>();
    for (Series s : api.query(ownerQuery(cluster, window), request.end()).series()) {
      deploymentOf.put(key(s, cluster), s.label("owner_name"));
    }
    List<Rollout> out = new ArrayList<>();
    for (Series s : api.query(createdQuery(cluster, window), request.end()).series()) {
      String deployment = deploymentOf.get(key(s, cluster));
      double seconds = s.samples().get(0).value();
      if (deployment == null || !Double.isFinite(seconds)) {
        continue;
      }
      Instant created = Instant.ofEpochMilli(Math.round(seconds * 1000));
      if (!created.isBefore(request.start()) && !created.isAfter(request.end())) {
        out.add(
            new Rollout(
                new WorkloadRef(s.label("namespace"), "Deployment", deployment, s.label(cluster)),
                s.label("replicaset"),
                created));
      }
    }
    out.addAll(setRollouts(api, request, cluster, window));
    out.sort(Comparator.comparing(Rollout::created).thenComparing(Rollout::replicaSet));
    return List.copyOf(out);
  }

  /**
   * StatefulSets' and DaemonSets' rollouts: per set, its first pod created in [start, end], named
   * by that pod.
   */
  private static List<Rollout> setRollouts(
      PrometheusApi api, EngineRequest request, String cluster, Duration window) {
    Map<String, Series> created = new HashMap<>();
    for (Series s :
        api.query(podsCreatedQuery(cluster, window, request.start()), request.end()).series()) {
      created.put(s.label(cluster) + "/" + s.label("namespace") + "/" + s.label("pod"), s);
    }
    if (created.isEmpty()) {
      return List.of();
    }
    Map<WorkloadRef, Rollout> first = new HashMap<>();
    for (Series o : api.query(setPodsQuery(cluster, window), request.end()).series()) {
      Series c = created.get(o.label(cluster) + "/" + o.label("namespace") + "/" + o.label("pod"));
      double seconds = c == null ? Double.NaN : c.samples().get(0).value();
      if (!Double.isFinite(seconds)) {
        continue;
      }
      Instant at = Instant.ofEpochMilli(Math.round(seconds * 1000));
      if (at.isBefore(request.start()) || at.isAfter(request.end())) {
        continue;
      }
      WorkloadRef set =
          new WorkloadRef(
              o.label("namespace"), o.label("owner_kind"), o.label("owner_name"), o.label(cluster));
      Rollout r = new Rollout(set, o.label("pod"), at);
      first.merge(
          set,
          r,
          (a, b) ->
              a.created().isBefore(b.created())
                      || (a.created().equals(b.created())
                          && a.replicaSet().compareTo(b.replicaSet()) <= 0)
                  ? a
                  : b);
    }
    return List.copyOf(first.values());
  }

  private static String key(Series s, String cluster) {
    return s.label(cluster) + "/" + s.label("namespace") + "/" + s.label("replicaset");
  }
}
