package dev.zonecost.report;

/** What a report says about a byte source other than Retina: its copy rule and its blind spots. */
final class SourceNotes {
  private SourceNotes() {}

  /** How the source's copies became one observation per byte (README, "Other byte sources"). */
  static String copies(String source) {
    return switch (source) {
      case "beyla" ->
          "source beyla: Service-owner copies left out; of the two agents' copies of a flow between"
              + " nodes the sender's agent's kept (beyla_ip = k8s_src_node_ip), or each halved"
              + " where those attributes are not selected";
      case "istio" ->
          "source istio: reporter=source kept (the client's proxy), received bytes client to"
              + " server, sent bytes server to client";
      default -> "source " + source;
    };
  }

  /** What the source cannot see, said once per report. */
  static String blindSpots(String source) {
    return switch (source) {
      case "beyla" ->
          "Beyla counts bytes per workload pair (top owners); pods are named only where"
              + " k8s_src_name/k8s_dst_name are selected; series idle for 5 minutes expire";
      case "istio" ->
          "Istio counts TCP bytes of meshed workloads only; sidecar series carry no zones (the"
              + " client pod's zone is joined, the server side stays unknown)";
      default -> "";
    };
  }
}
