package dev.zonecost.cli;

import dev.zonecost.check.Quantities;
import dev.zonecost.common.Timings;
import dev.zonecost.common.UsageException;
import dev.zonecost.prometheus.ConnectionSettings;
import dev.zonecost.prometheus.KubeServiceProxy;
import dev.zonecost.prometheus.PrometheusClient;
import dev.zonecost.prometheus.PrometheusConfig;
import dev.zonecost.time.TimeParsing;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to reach the Prometheus-compatible API: the flags; {@code prometheus/} does the rest. */
public final class PrometheusOptions {
  @Option(
      names = "--prometheus-url",
      paramLabel = "URL",
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
      defaultValue = "6",
      description =
          "Queries in flight at once; 6 lets a report's six queries run together (default:"
              + " ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--max-response-bytes",
      paramLabel = "SIZE",
      defaultValue = "256MiB",
      description =
          "Largest answer read from the back end, after decompression, e.g. 64MiB or 1GB; a larger"
              + " one fails with exit 4 (default: ${DEFAULT-VALUE}).")
  String maxResponseBytes;

  @Option(
      names = "--allow-partial",
      description =
          "Let Thanos answer from the stores it reached (default: partial_response=false).")
  boolean allowPartial;

  @Mixin AuthOptions auth = new AuthOptions();

  @Mixin KubeProxyOptions kube = new KubeProxyOptions();

  public int parallelism() {
    return parallelism;
  }

  public ConnectionSettings settings(Environment env) {
    if (retries < 0 || parallelism < 1) {
      throw new UsageException("--retries must be 0 or more and --parallelism 1 or more");
    }
    KubeServiceProxy proxy = kube.proxy(env);
    return new ConnectionSettings(
        proxy == null ? url : proxy.serviceUrl(kube.service).toString(),
        TimeParsing.duration(timeout),
        retries,
        allowPartial,
        auth.auth(),
        auth.tls(),
        auth.sigv4(env),
        maxResponseBytes());
  }

  private long maxResponseBytes() {
    long bytes = Quantities.bytes("--max-response-bytes", maxResponseBytes);
    if (bytes < 1024) {
      throw new UsageException(
          "--max-response-bytes '" + maxResponseBytes + "' is too small: at least 1KiB");
    }
    return bytes;
  }

  /** The client; warns on stderr when the certificate goes unchecked, shows the config with -v. */
  public PrometheusClient client(Environment env, PrintWriter err, boolean verbose) {
    return client(env, err, verbose, Timings.OFF);
  }

  /** The same, recording each request in {@code timings}. */
  PrometheusClient client(Environment env, PrintWriter err, boolean verbose, Timings timings) {
    PrometheusConfig config =
        settings(env).config(env.variables(), new StderrWarnings(err, verbose));
    KubeServiceProxy proxy = kube.proxy(env);
    if (proxy != null) {
      config = proxy.apply(config, kube.service);
    }
    if (config.tls().insecureSkipVerify()) {
      err.println(
          "zonecost: warning: --insecure-skip-tls-verify: the certificate of "
              + config.baseUrl().host()
              + " is not checked, so anyone on the path can read and change the answers");
    }
    if (verbose) {
      err.println("zonecost: " + config);
    }
    err.flush();
    try {
      return new PrometheusClient(config, timings);
    } catch (IllegalArgumentException badHeader) {
      // The client's own message names the header, never its value.
      throw new UsageException("--header: " + badHeader.getMessage(), badHeader);
    }
  }
}
