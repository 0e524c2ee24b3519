package dev.zonecost.kube;

import static dev.zonecost.promql.PromqlStrings.duration;

import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.promql.Matchers;
import dev.zonecost.promql.QueryWindow;
import dev.zonecost.promql.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The kube-state-metrics (and cAdvisor) PromQL of a report, whatever the byte source: where each
 * pod ran, each node's zone, Services, EndpointSlices, owners, and the kernel's bytes for the
 * calibration. Instant queries at the window's end; the info metrics are read over the window and
 * one {@link #LOOKBACK} before it, replicas folded together, in the user's cluster and names.
 */
public final class KubeQueries {
  /** Prometheus' default lookback: a series with a sample this close before start existed then. */
  public static final Duration LOOKBACK = Duration.ofMinutes(5);

  private final Scope scope;
  private final QueryWindow window;

  public KubeQueries(Scope scope, QueryWindow window) {
    this.scope = scope;
    this.window = window;
  }

  /** A kube-state-metrics metric, restricted to the selected cluster when there is one. */
  private String info(String metric, String... extraMatchers) {
    List<String> m = new ArrayList<>();
    Matchers.add(m, scope.clusterLabel() + "=", scope.cluster());
    m.addAll(List.of(extraMatchers));
    return metric + Matchers.braces(m);
  }

  private String windowRange() {
    return "[" + duration(window.rangeFor(window.length())) + "]";
  }

  private String infoRange() {
    return "[" + duration(window.rangeFor(window.length().plus(LOOKBACK))) + "]";
  }

  /** Every pod's node and IP over the window, kube-state-metrics replicas folded together. */
  public String podPlacements() {
    return "max by ("
        + scope.clusterLabel()
        + ", namespace, pod, pod_ip, node, host_ip) (max_over_time("
        + info(LabelNames.POD_INFO)
        + infoRange()
        + "))";
  }

  /** Every node's zone label (current and legacy), replicas folded together. */
  public String nodeZones() {
    return "max by ("
        + scope.clusterLabel()
        + ", node, "
        + scope.zoneLabel()
        + ", "
        + LabelNames.LEGACY_ZONE_LABEL
        + ") (max_over_time("
        + info(LabelNames.NODE_LABELS)
        + infoRange()
        + "))";
  }

  /**
   * Every Service's ClusterIP over the window: series naming one name the Service a client called,
   * not a pod pair (DESIGN §3, {@code --dedupe auto}).
   */
  public String serviceIps() {
    return "max by ("
        + scope.clusterLabel()
        + ", namespace, service, cluster_ip) (max_over_time("
        + info(LabelNames.SERVICE_INFO)
        + infoRange()
        + "))";
  }

  /**
   * The bytes the kernel counted leaving each pod in the window (kubelet's cAdvisor, every
   * interface but loopback, its scrape replicas folded): the calibration's reference.
   */
  public String kernelTransmit() {
    return "sum by (namespace, pod) (max by (namespace, pod, interface, id) (increase("
        + info(LabelNames.CADVISOR_TRANSMIT, "pod!=\"\"", "interface!=\"lo\"")
        + windowRange()
        + ")))";
  }

  /** Every ready endpoint's address in each EndpointSlice over the window. */
  public String sliceEndpoints() {
    return "max by ("
        + scope.clusterLabel()
        + ", namespace, endpointslice, address) (max_over_time("
        + info(LabelNames.ENDPOINTSLICE_ENDPOINTS, "ready=\"true\"")
        + infoRange()
        + "))";
  }

  /** Each EndpointSlice's Service (kube-state-metrics' label allowlist for slices). */
  public String sliceServices() {
    return "max by ("
        + scope.clusterLabel()
        + ", namespace, endpointslice, label_kubernetes_io_service_name) (max_over_time("
        + info(LabelNames.ENDPOINTSLICE_LABELS)
        + infoRange()
        + "))";
  }

  /**
   * Every pod's first owner over the window: the kind of a workload a source names without one
   * (Istio). Sent only for such a source.
   */
  public String podOwners() {
    return "max by ("
        + scope.clusterLabel()
        + ", namespace, created_by_kind, created_by_name) (max_over_time("
        + info(LabelNames.POD_INFO)
        + infoRange()
        + "))";
  }

  /** ReplicaSet → owning Deployment, for the roll-up of Retina's first-owner workload names. */
  public String replicaSetOwners() {
    return "max by ("
        + scope.clusterLabel()
        + ", namespace, replicaset, owner_kind, owner_name) (max_over_time("
        + info(LabelNames.REPLICASET_OWNER)
        + infoRange()
        + "))";
  }

  public LabelledQuery pods() {
    return new LabelledQuery("pod placements (pod, IP -> node)", podPlacements());
  }

  public LabelledQuery nodes() {
    return new LabelledQuery("node zones (node -> zone)", nodeZones());
  }

  public LabelledQuery services() {
    return new LabelledQuery("Service ClusterIPs (kube_service_info)", serviceIps());
  }

  public LabelledQuery kernel() {
    return new LabelledQuery(
        "bytes each pod sent, by the kernel (cAdvisor; for the calibration note)",
        kernelTransmit());
  }

  public LabelledQuery owners() {
    return new LabelledQuery("ReplicaSet owners (ReplicaSet -> Deployment)", replicaSetOwners());
  }

  public LabelledQuery firstOwners() {
    return new LabelledQuery("pods' first owners (the kinds of workloads)", podOwners());
  }

  public LabelledQuery endpoints() {
    return new LabelledQuery("EndpointSlice endpoints (for --group-by service)", sliceEndpoints());
  }

  public LabelledQuery slices() {
    return new LabelledQuery("EndpointSlice Services (for --group-by service)", sliceServices());
  }
}
