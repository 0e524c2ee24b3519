package dev.zonecost.kube;

import static dev.zonecost.promql.PromqlStrings.duration;

import dev.zonecost.promql.ExportedLabels;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.promql.QueryWindow;
import dev.zonecost.promql.Scope;
import java.time.Duration;
import java.util.List;

/**
 * The kube-state-metrics PromQL of {@code advise}: where each Service's ready endpoints were over
 * the window, whether they carried zone hints, what kind each Service is, and each node's
 * allocatable CPU. Instant queries at the window's end; the endpoints are a subquery on a grid of
 * {@link #step}, read step by step: {@code advise} decides each step as kube-proxy decides each
 * moment.
 */
public final class TopologyQueries {
  public static final String ENDPOINT_HINTS = "kube_endpointslice_endpoints_hints";
  public static final String NODE_ALLOCATABLE = "kube_node_status_allocatable";

  /** Istio's standard TCP metric, client to server (the proxy's name for it). */
  public static final String ISTIO_RECEIVED = "istio_tcp_received_bytes_total";

  /**
   * Linkerd's proxy, bytes it wrote to an endpoint it connected to: {@code tcp_write_bytes_total}
   * (linkerd/linkerd2-proxy, {@code linkerd/proxy/transport/src/metrics.rs} under the {@code tcp}
   * prefix) with {@code direction="outbound"}, {@code peer="dst"} ({@code
   * linkerd/app/core/src/transport/labels.rs}, {@code Key::OutboundClient}), HTTP and opaque TCP
   * alike, and the endpoint's metadata labels prefixed {@code dst_} ({@code
   * linkerd/app/outbound/src/http/concrete.rs}, {@code opaq/concrete.rs}: {@code
   * prefix_labels("dst", …)}): the destination controller names the Service's {@code service} and
   * {@code namespace} there (linkerd/linkerd2, {@code
   * controller/api/destination/watcher/port_publisher.go}, {@code metricLabels}). linkerd-viz's
   * {@code linkerd-proxy} scrape job adds the client pod's {@code namespace} and {@code pod}, which
   * do not clash with these.
   */
  public static final String LINKERD_WRITE = "tcp_write_bytes_total";

  /** Grid points per window at most; the step grows for long windows. */
  static final long MAX_POINTS = 720;

  private final Scope scope;
  private final QueryWindow window;

  public TopologyQueries(Scope scope, QueryWindow window) {
    this.scope = scope;
    this.window = window;
  }

  /** The subquery step: one minute, or longer so a window has at most {@link #MAX_POINTS}. */
  public Duration step() {
    long minutes = Math.max(1, (window.length().toMinutes() + MAX_POINTS - 1) / MAX_POINTS);
    return Duration.ofMinutes(minutes);
  }

  private String cluster() {
    return scope.clusterLabel();
  }

  private String selector(String metric, String... extra) {
    return scope.selector(metric, String.join(", ", extra));
  }

  /**
   * {@code metric} over the window, folded per value of the cluster and {@code labels}; a label a
   * scrape without {@code honor_labels} renamed is read from its {@code exported_} twin.
   */
  private String folded(String labels, String metric, String... extra) {
    return "max by ("
        + cluster()
        + ", "
        + labels
        + ") ("
        + ExportedLabels.coalesced(
            labels,
            "max_over_time("
                + selector(metric, extra)
                + "["
                + duration(window.rangeFor(window.length()))
                + "])")
        + ")";
  }

  private String grid() {
    return "[" + duration(window.length()) + ":" + duration(step()) + "]";
  }

  /**
   * The range that reads one grid step, {@code (t − step, t]}, on either engine: Prometheus 2's
   * ranges are closed, so {@code [step]} would also see the sample at {@code t − step} and count an
   * endpoint one step after it went (52 of 121 points where the truth is 50 of 120); there the
   * range is one millisecond shorter. Prometheus 3 and VictoriaMetrics exclude the start already.
   */
  public Duration stepRange() {
    return window.leftOpenRanges() ? step() : step().minusMillis(1);
  }

  /**
   * Ready endpoints per slice, zone and node in the grid step ending at {@code t} (replicas folded,
   * a step's samples merged): the node for {@code PreferSameNode}, whose hints name it.
   */
  private String readyPerZone() {
    return "count by ("
        + cluster()
        + ", namespace, endpointslice, endpoint_zone, endpoint_nodename) (max by ("
        + cluster()
        + ", namespace, endpointslice, address, endpoint_zone, endpoint_nodename) ("
        + ExportedLabels.coalesced(
            "namespace",
            "max_over_time("
                + selector(LabelNames.ENDPOINTSLICE_ENDPOINTS, "ready=\"true\"")
                + "["
                + duration(stepRange())
                + "])")
        + "))";
  }

  /**
   * Per slice, zone and node, the ready endpoints at every grid point of the window: a matrix whose
   * points are the ends of the grid's steps (the point at the window's start, which Prometheus 2's
   * closed subquery adds, describes the step before the window and is left out by the reader). A
   * step without any point is one in which kube-state-metrics exported no ready endpoint at all.
   */
  public String readyEndpointsPerStep() {
    return readyPerZone() + grid();
  }

  /** Slices whose endpoints carried zone hints at any time in the window. */
  public String hintedSlices() {
    return folded("namespace, endpointslice", ENDPOINT_HINTS);
  }

  /** Every Service's ClusterIP and external name: headless and ExternalName Services. */
  public String serviceKinds() {
    return folded("namespace, service, cluster_ip, external_name", LabelNames.SERVICE_INFO);
  }

  /**
   * The Services whose connections Istio's proxies carried in the window (ztunnel or sidecars,
   * {@code reporter="source"}: the client's proxy chose the endpoint), by {@code
   * destination_service} ({@code name.namespace.svc.<domain>}).
   */
  public String meshedByIstio() {
    return folded(
        "destination_service",
        ISTIO_RECEIVED,
        "reporter=\"source\"",
        "destination_service!=\"unknown\"");
  }

  /**
   * The Services whose connections Linkerd's client proxies opened in the window (the proxy, given
   * the Service's endpoints by Linkerd's destination controller, chose one), by {@code
   * dst_namespace} and {@code dst_service}; a connection to an address that is no Service's has
   * none.
   */
  public String meshedByLinkerd() {
    return folded(
        "dst_namespace, dst_service",
        LINKERD_WRITE,
        "direction=\"outbound\"",
        "peer=\"dst\"",
        "dst_service!=\"\"");
  }

  /** Every node's allocatable CPU (cores) over the window, replicas folded. */
  public String nodeCpu() {
    return folded("node", NODE_ALLOCATABLE, "resource=\"cpu\"");
  }

  /** The queries in the order {@code advise} sends them, labelled. */
  public List<LabelledQuery> all() {
    return List.of(
        new LabelledQuery(
            "ready endpoints per slice and zone at each step of the grid", readyEndpointsPerStep()),
        new LabelledQuery("slices with zone hints", hintedSlices()),
        new LabelledQuery("Service kinds (headless, ExternalName)", serviceKinds()),
        new LabelledQuery("allocatable CPU per node", nodeCpu()),
        new LabelledQuery("Services Istio's proxies carried", meshedByIstio()),
        new LabelledQuery("Services Linkerd's proxies carried", meshedByLinkerd()));
  }
}
