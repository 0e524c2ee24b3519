package dev.zonecost.kube;

import static dev.zonecost.promql.PromqlStrings.duration;
import static dev.zonecost.promql.RangeFunctions.over;

import dev.zonecost.promql.ExportedLabels;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.promql.QueryWindow;
import dev.zonecost.promql.Scope;
import java.time.Duration;

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
    return scope.selector(metric, String.join(", ", extraMatchers));
  }

  private String windowRange() {
    return duration(window.rangeFor(window.length()));
  }

  private String infoRange() {
    return duration(window.rangeFor(window.length().plus(LOOKBACK)));
  }

  /**
   * {@code metric} over the window and a lookback, folded per value of the cluster and labels; a
   * label that a scrape without {@code honor_labels} renamed is read from its {@code exported_}
   * twin ({@link ExportedLabels}).
   */
  private String folded(String labels, String metric, String... extraMatchers) {
    String by = scope.clusterLabel() + ", " + labels;
    return "max by ("
        + by
        + ") ("
        + ExportedLabels.coalesced(
            labels, over("max_over_time", info(metric, extraMatchers), infoRange()))
        + ")";
  }

  /**
   * Every pod's node and IP over the window, kube-state-metrics replicas folded together; {@code
   * exported_namespace} kept to tell the pods read from renamed labels.
   */
  public String podPlacements() {
    return folded(
        "namespace, pod, pod_ip, node, host_ip, " + ExportedLabels.EXPORTED_NAMESPACE,
        LabelNames.POD_INFO);
  }

  /**
   * Every node's cloud instance ({@code provider_id}, e.g. {@code aws:///us-east-1a/i-0abc…}) and
   * address over the window: how {@code reconcile} finds a bill's resource among the nodes.
   */
  public String nodeInstances() {
    return folded("node, provider_id, internal_ip", "kube_node_info");
  }

  /** The host-network pods over the window, with their nodes ({@code reconcile}'s gap). */
  public String hostNetworkPods() {
    return folded("namespace, pod, node", LabelNames.POD_INFO, "host_network=\"true\"");
  }

  public LabelledQuery instances() {
    return new LabelledQuery("node instances (node -> provider_id)", nodeInstances());
  }

  public LabelledQuery hostNetwork() {
    return new LabelledQuery("host-network pods (pod -> node)", hostNetworkPods());
  }

  /** Every node's zone label (current and legacy), replicas folded together. */
  public String nodeZones() {
    return folded(scope.nodeZoneLabels(), LabelNames.NODE_LABELS);
  }

  /**
   * Every Service's ClusterIP over the window: series naming one name the Service a client called,
   * not a pod pair (DESIGN §3, {@code --dedupe auto}).
   */
  public String serviceIps() {
    return folded("namespace, service, cluster_ip", LabelNames.SERVICE_INFO);
  }

  /**
   * The bytes the kernel counted leaving each pod in the window (kubelet's cAdvisor, every
   * interface but loopback, its scrape replicas folded): the calibration's reference.
   */
  public String kernelTransmit() {
    return "sum by (namespace, pod) (max by (namespace, pod, interface, id) ("
        + over(
            "increase",
            info(LabelNames.CADVISOR_TRANSMIT, "pod!=\"\"", "interface!=\"lo\""),
            windowRange())
        + "))";
  }

  /**
   * Interfaces that are not the node's own link: loopback, pods' veths (Calico's {@code cali},
   * Cilium's {@code lxc}, AWS VPC CNI's {@code eni}, Azure's {@code azv}) and CNI, overlay and
   * bridge devices, whose bytes are also on the node's link or never leave the node.
   */
  public static final String NOT_THE_NODES_LINK =
      "lo|veth.*|cali.*|cilium.*|lxc.*|eni.*|azv.*|cni.*|flannel.*|vxlan.*|genev.*|tunl.*"
          + "|docker.*|br-.*|kube-ipvs.*|nodelocaldns";

  /**
   * The window's length as it stands, for the NIC counters' {@code increase}: Prometheus 2 reads
   * the samples at both ends of the closed range, VictoriaMetrics takes the sample at the start as
   * the base of its left-open range; both then give the difference of the two, without
   * extrapolation, when the counters have samples at the window's edges.
   */
  private String nicRange() {
    return duration(window.length());
  }

  /**
   * The bytes each node's links sent ({@code transmit}) or received over the window as
   * node-exporter counts them ({@code node_network_*_bytes_total} per {@code device}), per {@code
   * instance} (the node's address and port: node-exporter has no node label), replicas folded.
   */
  public String nodeExporterNic(boolean transmit) {
    String metric =
        transmit ? "node_network_transmit_bytes_total" : "node_network_receive_bytes_total";
    String by = scope.clusterLabel() + ", instance";
    return "sum by ("
        + by
        + ") (max by ("
        + by
        + ", device) ("
        + over("increase", info(metric, "device!~\"" + NOT_THE_NODES_LINK + "\""), nicRange())
        + "))";
  }

  /** The same from cAdvisor's root cgroup ({@code id="/"}), per {@code node} (kubelet's job). */
  public String cadvisorRootNic(boolean transmit) {
    String metric = transmit ? LabelNames.CADVISOR_TRANSMIT : LabelNames.CADVISOR_RECEIVE;
    String by = scope.clusterLabel() + ", node";
    return "sum by ("
        + by
        + ") (max by ("
        + by
        + ", interface) ("
        + over(
            "increase",
            info(metric, "id=\"/\"", "interface!~\"" + NOT_THE_NODES_LINK + "\""),
            nicRange())
        + "))";
  }

  /** Every ready endpoint's address in each EndpointSlice over the window. */
  public String sliceEndpoints() {
    return folded(
        "namespace, endpointslice, address", LabelNames.ENDPOINTSLICE_ENDPOINTS, "ready=\"true\"");
  }

  /** Each EndpointSlice's Service (kube-state-metrics' label allowlist for slices). */
  public String sliceServices() {
    return folded(
        "namespace, endpointslice, label_kubernetes_io_service_name",
        LabelNames.ENDPOINTSLICE_LABELS);
  }

  /**
   * Every pod's first owner over the window: the kind of a workload a source names without one
   * (Istio). Sent only for such a source.
   */
  public String podOwners() {
    return folded("namespace, created_by_kind, created_by_name", LabelNames.POD_INFO);
  }

  /** ReplicaSet → owning Deployment, for the roll-up of Retina's first-owner workload names. */
  public String replicaSetOwners() {
    return folded("namespace, replicaset, owner_kind, owner_name", LabelNames.REPLICASET_OWNER);
  }

  /** Job → owning CronJob, for the roll-up of a CronJob's runs. */
  public String jobOwners() {
    return folded(
        "namespace, job_name, owner_kind, owner_name",
        LabelNames.JOB_OWNER,
        "owner_kind=\"CronJob\"");
  }

  public LabelledQuery cronJobs() {
    return new LabelledQuery("Job owners (Job -> CronJob)", jobOwners());
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
