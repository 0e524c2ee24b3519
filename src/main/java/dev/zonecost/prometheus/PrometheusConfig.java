package dev.zonecost.prometheus;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * How to reach one Prometheus-compatible back end.
 *
 * @param baseUrl the API root, possibly with a path prefix ({@code /prometheus}, {@code
 *     /select/0/prometheus}) that every request keeps
 * @param timeout connect, read and whole-call timeout of one attempt
 * @param retries extra attempts after a transient failure (0 = try once)
 * @param extraHeaders sent with every request; values are secrets and never printed
 * @param dns resolver override (tests), or {@code null} for the system resolver
 */
public record PrometheusConfig(
    HttpUrl baseUrl, Duration timeout, int retries, Map<String, String> extraHeaders, Dns dns) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
  public static final int DEFAULT_RETRIES = 3;

  public PrometheusConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
    }
    extraHeaders =
        extraHeaders == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extraHeaders));
  }

  /** The defaults: 2 minute timeout, 3 retries, no extra headers, the system resolver. */
  public static PrometheusConfig of(HttpUrl baseUrl) {
    return new PrometheusConfig(baseUrl, DEFAULT_TIMEOUT, DEFAULT_RETRIES, Map.of(), null);
  }

  public PrometheusConfig withTimeout(Duration newTimeout) {
    return new PrometheusConfig(baseUrl, newTimeout, retries, extraHeaders, dns);
  }

  public PrometheusConfig withRetries(int newRetries) {
    return new PrometheusConfig(baseUrl, timeout, newRetries, extraHeaders, dns);
  }

  public PrometheusConfig withExtraHeaders(Map<String, String> headers) {
    return new PrometheusConfig(baseUrl, timeout, retries, headers, dns);
  }

  public PrometheusConfig withDns(Dns newDns) {
    return new PrometheusConfig(baseUrl, timeout, retries, extraHeaders, newDns);
  }

  /** Header values and URL credentials are secrets, so the generated toString would leak them. */
  @Override
  public String toString() {
    return "PrometheusConfig[baseUrl="
        + Failures.display(baseUrl)
        + ", timeout="
        + Failures.readable(timeout)
        + ", retries="
        + retries
        + ", extraHeaders="
        + extraHeaders.keySet()
        + (dns == null ? "" : ", dns=custom")
        + "]";
  }
}
