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
 * allocatable CPU. Instant queries at the window's end; the averages are subqueries on a grid of
 * {@link #step} so an endpoint that lived half the window counts one half, over the grid points
 * that have data.
 */
public final class TopologyQueries {
  public static final String ENDPOINT_HINTS = "kube_endpointslice_endpoints_hints";
  public static final String NODE_ALLOCATABLE = "kube_node_status_allocatable";

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
   * Ready endpoints per slice and zone at each grid point (replicas folded, a step's samples
   * merged): the inner expression of both averages.
   */
  private String readyPerZone() {
    return "count by ("
        + cluster()
        + ", namespace, endpointslice, endpoint_zone) (max by ("
        + cluster()
        + ", namespace, endpointslice, address, endpoint_zone) ("
        + ExportedLabels.coalesced(
            "namespace",
            "max_over_time("
                + selector(LabelNames.ENDPOINTSLICE_ENDPOINTS, "ready=\"true\"")
                + "["
                + duration(step())
                + "])")
        + "))";
  }

  /**
   * The grid points at which kube-state-metrics exported any ready endpoint: the averages' divisor,
   * so that a scrape outage is missing data, not missing endpoints.
   */
  private String gridPoints() {
    return "scalar(count_over_time(count(max_over_time("
        + selector(LabelNames.ENDPOINTSLICE_ENDPOINTS, "ready=\"true\"")
        + "["
        + duration(step())
        + "]))"
        + grid()
        + "))";
  }

  /** Per slice and zone, the ready endpoints averaged over the window (absent counts zero). */
  public String averageReadyEndpoints() {
    return "sum_over_time(" + readyPerZone() + grid() + ") / " + gridPoints();
  }

  /** Per slice and zone, the share of the window with at least one ready endpoint there. */
  public String zoneCoverage() {
    return "count_over_time(" + readyPerZone() + grid() + ") / " + gridPoints();
  }

  /** Slices whose endpoints carried zone hints at any time in the window. */
  public String hintedSlices() {
    return folded("namespace, endpointslice", ENDPOINT_HINTS);
  }

  /** Every Service's ClusterIP and external name: headless and ExternalName Services. */
  public String serviceKinds() {
    return folded("namespace, service, cluster_ip, external_name", LabelNames.SERVICE_INFO);
  }

  /** Every node's allocatable CPU (cores) over the window, replicas folded. */
  public String nodeCpu() {
    return folded("node", NODE_ALLOCATABLE, "resource=\"cpu\"");
  }

  /** The queries in the order {@code advise} sends them, labelled. */
  public List<LabelledQuery> all() {
    return List.of(
        new LabelledQuery(
            "ready endpoints per slice and zone, averaged over the window",
            averageReadyEndpoints()),
        new LabelledQuery(
            "share of the window with a ready endpoint per slice and zone", zoneCoverage()),
        new LabelledQuery("slices with zone hints", hintedSlices()),
        new LabelledQuery("Service kinds (headless, ExternalName)", serviceKinds()),
        new LabelledQuery("allocatable CPU per node", nodeCpu()));
  }
}
