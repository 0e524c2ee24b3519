package dev.zonecost.promql;

/** The metric and label names zonecost reads (Retina remote context and kube-state-metrics). */
public final class LabelNames {
  public static final String FORWARD_BYTES = "networkobservability_adv_forward_bytes";
  public static final String POD_INFO = "kube_pod_info";
  public static final String NODE_LABELS = "kube_node_labels";
  public static final String REPLICASET_OWNER = "kube_replicaset_owner";
  public static final String JOB_OWNER = "kube_job_owner";
  public static final String SERVICE_INFO = "kube_service_info";
  public static final String CADVISOR_TRANSMIT = "container_network_transmit_bytes_total";
  public static final String CADVISOR_RECEIVE = "container_network_receive_bytes_total";
  public static final String ENDPOINTSLICE_ENDPOINTS = "kube_endpointslice_endpoints";
  public static final String ENDPOINTSLICE_LABELS = "kube_endpointslice_labels";

  public static final String DIRECTION = "direction";
  public static final String INSTANCE = "instance";
  public static final String CLUSTER = "cluster";
  public static final String SOURCE_PREFIX = "source_";
  public static final String DESTINATION_PREFIX = "destination_";
  public static final String NAMESPACE = "namespace";
  public static final String PODNAME = "podname";
  public static final String IP = "ip";
  public static final String WORKLOAD_KIND = "workload_kind";
  public static final String WORKLOAD_NAME = "workload_name";
  public static final String ZONE = "zone";

  public static final String ZONE_LABEL = "label_topology_kubernetes_io_zone";
  public static final String LEGACY_ZONE_LABEL = "label_failure_domain_beta_kubernetes_io_zone";

  private LabelNames() {}
}
