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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
}
