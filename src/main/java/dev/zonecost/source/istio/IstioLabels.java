package dev.zonecost.source.istio;

/**
 * The names of Istio's TCP byte counters and their labels, as read from ztunnel's source at commit
 * 62d82653 (August 2026): {@code src/metrics.rs} (the {@code istio} prefix), {@code
 * src/proxy/metrics.rs} ({@code tcp_received_bytes}, {@code tcp_sent_bytes}, {@code
 * CommonTrafficLabels}, and {@code LocalityLabels}: {@code source_zone}/{@code destination_zone},
 * {@code unknown} when missing, encoded only by ztunnel versions that fill them). Istio's sidecars
 * export the same names without the zone labels. Bytes: {@code received} is what the server side
 * received (client to server), {@code sent} what it sent (server to client), for both reporters
 * ("Istio flips the metric for source", istio/istio#32399).
 */
public final class IstioLabels {
  public static final String RECEIVED_BYTES = "istio_tcp_received_bytes_total";
  public static final String SENT_BYTES = "istio_tcp_sent_bytes_total";

  public static final String REPORTER = "reporter";
  public static final String SOURCE_REPORTER = "source";

  public static final String SOURCE = "source_";
  public static final String DESTINATION = "destination_";
  public static final String WORKLOAD = "workload";
  public static final String WORKLOAD_NAMESPACE = "workload_namespace";
  public static final String ZONE = "zone";

  /** The scrape's pod label: the sidecar's own pod (the reporter), absent meaning for ztunnel. */
  public static final String SCRAPED_POD = "pod";

  private IstioLabels() {}
}
