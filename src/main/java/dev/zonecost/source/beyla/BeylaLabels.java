package dev.zonecost.source.beyla;

import java.util.List;

/**
 * The names Beyla and OpenTelemetry eBPF Instrumentation (OBI) export for network flows, as read
 * from OBI's source at commit 6955b658 (May 2025): {@code pkg/export/attributes/metric.go} (the
 * metric), {@code pkg/export/attributes/names/attrs.go} and {@code attr_defs.go} (attributes and
 * which are on by default), {@code pkg/internal/netolly/ebpf/record_getters.go} (direction values).
 * The Prometheus exporter turns each attribute's dots into underscores.
 */
public final class BeylaLabels {
  /** Beyla's name, OBI's current one and the prefix of OBI's early releases, in that order. */
  public static final List<String> FLOW_BYTES =
      List.of(
          "beyla_network_flow_bytes_total",
          "obi_network_flow_bytes_total",
          "otel_ebpf_network_flow_bytes_total");

  /** {@code request} when the packet's source opened the connection, else {@code response}. */
  public static final String DIRECTION = "direction";

  public static final String SRC = "k8s_src_";
  public static final String DST = "k8s_dst_";
  public static final String OWNER_NAME = "owner_name";
  public static final String OWNER_TYPE = "owner_type";
  public static final String NAMESPACE = "namespace";

  /** Off by default: the pod's (or node's, Service's) own name, its kind in {@code *_type}. */
  public static final String NAME = "name";

  public static final String TYPE = "type";

  /** Off by default: the IP of the node the endpoint runs on. */
  public static final String NODE_IP = "node_ip";

  /** Off by default: the zone of the endpoint's node ({@code src.zone}, {@code dst.zone}). */
  public static final String SRC_ZONE = "src_zone";

  public static final String DST_ZONE = "dst_zone";
  public static final String SRC_ADDRESS = "src_address";
  public static final String DST_ADDRESS = "dst_address";

  /** Off by default: the IP of the agent that exported the series ({@code beyla.ip}). */
  public static final List<String> AGENT_IP = List.of("beyla_ip", "obi_ip");

  /** The owner type of the copy addressed to a Service's ClusterIP. */
  public static final String SERVICE_OWNER = "Service";

  private BeylaLabels() {}
}
