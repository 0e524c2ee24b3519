package dev.zonecost.report;

import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.Series;
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
 * ControllerRevisions, which are not read.
 */
public final class RolloutReader {
  public static final String CREATED = "kube_replicaset_created";
  public static final String OWNER = "kube_replicaset_owner";

  private RolloutReader() {}

  public static String createdQuery(String cluster, Duration window) {
    return "max by ("
        + cluster
        + ", namespace, replicaset) (last_over_time("
        + CREATED
        + "["
        + PromqlStrings.duration(window)
        + "]))";
  }

  public static String ownerQuery(String cluster, Duration window) {
    return "max by ("
        + cluster
        + ", namespace, replicaset, owner_name) (last_over_time("
        + OWNER
        + "{owner_kind=\"Deployment\"}["
        + PromqlStrings.duration(window)
        + "]))";
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
    out.sort(Comparator.comparing(Rollout::created).thenComparing(Rollout::replicaSet));
    return List.copyOf(out);
  }

  private static String key(Series s, String cluster) {
    return s.label(cluster) + "/" + s.label("namespace") + "/" + s.label("replicaset");
  }
}
