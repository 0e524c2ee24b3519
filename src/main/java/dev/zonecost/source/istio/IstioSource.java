package dev.zonecost.source.istio;

import static dev.zonecost.source.istio.IstioLabels.DESTINATION;
import static dev.zonecost.source.istio.IstioLabels.SOURCE;
import static dev.zonecost.source.istio.IstioLabels.WORKLOAD;
import static dev.zonecost.source.istio.IstioLabels.WORKLOAD_NAMESPACE;
import static dev.zonecost.source.istio.IstioLabels.ZONE;

import dev.zonecost.accounting.Endpoint;
import dev.zonecost.accounting.Observation;
import dev.zonecost.accounting.PodKey;
import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.Matchers;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.QueryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Istio's TCP byte counters: ztunnel (ambient, ≥ 1.26: workload pairs with both zones) and sidecars
 * (no zone labels). Both the client's and the server's proxy report every connection; the PromQL
 * keeps {@code reporter="source"}, the client's, once per byte. {@code received} bytes go client to
 * server, {@code sent} bytes server to client.
 *
 * <p>Zones: ztunnel's labels where known. A sidecar's series name no zone: the reporting pod (the
 * scrape's {@code pod} label, the client) is placed by the kube-state-metrics join; the server side
 * is a workload, not a pod, and stays unknown (README, "Istio").
 */
public final class IstioSource implements ByteSource {
  /** Client to server: {@code istio_tcp_received_bytes_total}. */
  public static final String REQUEST = "request";

  /** Server to client: {@code istio_tcp_sent_bytes_total}. */
  public static final String RESPONSE = "response";

  @Override
  public String name() {
    return "istio";
  }

  @Override
  public List<Counter> counters() {
    return List.of(
        new Counter(REQUEST, List.of(IstioLabels.RECEIVED_BYTES)),
        new Counter(RESPONSE, List.of(IstioLabels.SENT_BYTES)));
  }

  @Override
  public List<String> matchers(String directionRegex, Selection sel, String clusterLabel) {
    List<String> m = new ArrayList<>();
    m.add(IstioLabels.REPORTER + "=" + PromqlStrings.quote(IstioLabels.SOURCE_REPORTER));
    Matchers.add(m, SOURCE + WORKLOAD_NAMESPACE + "=~", sel.sourceNamespaceRegex());
    Matchers.add(m, DESTINATION + WORKLOAD_NAMESPACE + "=~", sel.destinationNamespaceRegex());
    Matchers.add(m, SOURCE + WORKLOAD_NAMESPACE + "!~", sel.excludeSourceNamespaceRegex());
    Matchers.add(
        m, DESTINATION + WORKLOAD_NAMESPACE + "!~", sel.excludeDestinationNamespaceRegex());
    Matchers.add(m, clusterLabel + "=", sel.cluster());
    return m;
  }

  @Override
  public Observation observation(
      String role, Map<String, String> labels, String clusterLabel, double bytes) {
    if (!IstioLabels.SOURCE_REPORTER.equals(labels.get(IstioLabels.REPORTER))) {
      return null;
    }
    String cluster = labels.getOrDefault(clusterLabel, "");
    // A sidecar's series: the scrape's pod is the client (the source reporter) itself.
    boolean sidecar = !labels.containsKey(SOURCE + ZONE);
    String clientPod = sidecar ? labels.getOrDefault(IstioLabels.SCRAPED_POD, "") : "";
    Endpoint client = endpoint(labels, cluster, SOURCE, clientPod);
    Endpoint server = endpoint(labels, cluster, DESTINATION, "");
    return role.equals(RESPONSE)
        ? new Observation(server, client, Observation.Direction.OTHER, bytes)
        : new Observation(client, server, Observation.Direction.OTHER, bytes);
  }

  private static Endpoint endpoint(
      Map<String, String> labels, String cluster, String side, String pod) {
    return new Endpoint(
        new PodKey(cluster, labels.getOrDefault(side + WORKLOAD_NAMESPACE, ""), pod, ""),
        "",
        labels.getOrDefault(side + WORKLOAD, ""),
        labels.getOrDefault(side + ZONE, ""));
  }

  @Override
  public boolean countsOncePerByte() {
    return true;
  }

  @Override
  public boolean needsWorkloadKinds() {
    return true;
  }

  /**
   * Both counters of the client's reporter ({@code reporter="source"}, once per byte), the sent
   * bytes with their ends swapped (server to client), each end named by its workload namespace and
   * workload and placed by ztunnel's own zone label ({@code unknown} cleared; sidecars have none).
   */
  @Override
  public String pairExpression(QueryPlan plan, UnaryOperator<String> bytes) {
    String request =
        ends(
            bytes.apply(
                new QueryPlan(plan.settings().withMetric(IstioLabels.RECEIVED_BYTES))
                    .forwardSelector()),
            SOURCE,
            DESTINATION);
    String response =
        ends(
            bytes.apply(
                new QueryPlan(plan.settings().withMetric(IstioLabels.SENT_BYTES))
                    .forwardSelector()),
            DESTINATION,
            SOURCE);
    return "sum by (source_namespace, source_workload, source_zone, destination_namespace,"
        + " destination_workload, destination_zone) (\n"
        + request
        + "\n or label_replace("
        + response
        + ", \"zonecost_counter\", \"sent\", \"\", \"\")\n)";
  }

  /**
   * The series' ends as the rows name them: {@code from} becomes the source, {@code to} the
   * destination.
   */
  private static String ends(String x, String from, String to) {
    String e = x;
    // through temporary names, so a swap does not overwrite what it still reads
    String[][] copies = {
      {"zonecost_s_ns", from + WORKLOAD_NAMESPACE},
      {"zonecost_s_wl", from + WORKLOAD},
      {"zonecost_s_zone", from + ZONE},
      {"zonecost_d_ns", to + WORKLOAD_NAMESPACE},
      {"zonecost_d_wl", to + WORKLOAD},
      {"zonecost_d_zone", to + ZONE},
    };
    for (String[] c : copies) {
      e = copy(e, c[0], c[1]);
    }
    String[][] back = {
      {"source_namespace", "zonecost_s_ns"},
      {"source_workload", "zonecost_s_wl"},
      {"source_zone", "zonecost_s_zone"},
      {"destination_namespace", "zonecost_d_ns"},
      {"destination_workload", "zonecost_d_wl"},
      {"destination_zone", "zonecost_d_zone"},
    };
    for (String[] b : back) {
      e =
          "label_replace("
              + e
              + ", "
              + PromqlStrings.quote(b[0])
              + ", \"$1\", "
              + PromqlStrings.quote(b[1])
              + ", \"(.*)\")";
    }
    for (String zone : new String[] {"source_zone", "destination_zone"}) {
      e = "label_replace(" + e + ", \"" + zone + "\", \"\", \"" + zone + "\", \"unknown\")";
    }
    return e;
  }

  private static String copy(String e, String to, String from) {
    return "label_replace("
        + e
        + ", "
        + PromqlStrings.quote(to)
        + ", \"$1\", "
        + PromqlStrings.quote(from)
        + ", \"(.*)\")";
  }

  @Override
  public List<String> pairExpressionCaveats() {
    return List.of(
        "Istio: the client's reporter's received and sent bytes, zones from ztunnel's labels;"
            + " sidecars export no zones, so their rows are unknown-zone (report places the"
            + " client's pod, but the server end is a workload either way)",
        "the recorded series keep zonecost's retina_ names: one source per rules file");
  }
}
