package dev.zonecost.cli;

import dev.zonecost.UsageException;
import dev.zonecost.prometheus.PrometheusClient;
import dev.zonecost.prometheus.PrometheusConfig;
import dev.zonecost.time.TimeParsing;
import java.util.Map;
import okhttp3.HttpUrl;
import picocli.CommandLine.Option;

/** How to reach the Prometheus-compatible API. */
public final class PrometheusOptions {
  @Option(
      names = "--prometheus-url",
      paramLabel = "URL",
      defaultValue = "${env:PROMETHEUS_URL}",
      description =
          "Prometheus-compatible API base URL, with any path prefix (default: $PROMETHEUS_URL).")
  String url;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "2m",
      description = "Timeout of each request (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Retries on 429/502/503/504 and dropped connections (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "4",
      description = "Queries in flight at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  public PrometheusClient client() {
    if (url == null || url.isBlank()) {
      throw new UsageException(
          "no Prometheus to ask: pass --prometheus-url URL or set PROMETHEUS_URL");
    }
    HttpUrl base = HttpUrl.parse(url.trim());
    if (base == null) {
      throw new UsageException(
          "--prometheus-url '" + url + "' is not an http(s) URL, e.g. http://127.0.0.1:9090");
    }
    if (retries < 0 || parallelism < 1) {
      throw new UsageException("--retries must be 0 or more and --parallelism 1 or more");
    }
    return new PrometheusClient(
        new PrometheusConfig(base, TimeParsing.duration(timeout), retries, Map.of(), null));
  }

  public int parallelism() {
    return parallelism;
  }
}
