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
 * @param extraHeaders sent with every request (auth, tenant, the user's own); values are secrets
 *     and never printed
 * @param dns resolver override (tests), or {@code null} for the system resolver
 * @param tls CA roots, client certificate, or skipped verification
 * @param proxy the proxies from the environment, or {@code null} to connect directly
 * @param allowPartial let Thanos answer from the stores it reached; otherwise every query carries
 *     {@code partial_response=false}
 * @param warningSink receives the {@code warnings} and {@code infos} of every successful answer
 * @param sigv4 sign every request with AWS SigV4 (Amazon Managed Prometheus), or {@code null}
 * @param maxResponseBytes the largest answer read, counted after decompression; a larger one fails
 *     the request (0 = the default)
 */
public record PrometheusConfig(
    HttpUrl baseUrl,
    Duration timeout,
    int retries,
    Map<String, String> extraHeaders,
    Dns dns,
    TlsSettings tls,
    EnvironmentProxy proxy,
    boolean allowPartial,
    WarningSink warningSink,
    SigV4Settings sigv4,
    long maxResponseBytes) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
  public static final int DEFAULT_RETRIES = 3;
  // Ten times the largest answer measured (a 24 h window of the large simulated cluster at four
  // times its size, docs/performance.md), and small enough that an endless answer fails long
  // before it fills the launcher's heap.
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L << 20;

  /** Without a response cap: the default applies. */
  public PrometheusConfig(
      HttpUrl baseUrl,
      Duration timeout,
      int retries,
      Map<String, String> extraHeaders,
      Dns dns,
      TlsSettings tls,
      EnvironmentProxy proxy,
      boolean allowPartial,
      WarningSink warningSink,
      SigV4Settings sigv4) {
    this(
        baseUrl,
        timeout,
        retries,
        extraHeaders,
        dns,
        tls,
        proxy,
        allowPartial,
        warningSink,
        sigv4,
        DEFAULT_MAX_RESPONSE_BYTES);
  }

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
    tls = tls == null ? TlsSettings.DEFAULT : tls;
    warningSink = warningSink == null ? WarningSink.NONE : warningSink;
    if (maxResponseBytes < 0) {
      throw new IllegalArgumentException("maxResponseBytes must be 0 or more");
    }
    maxResponseBytes = maxResponseBytes == 0 ? DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
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
        + (tls.isDefault() ? "" : ", tls=" + tls)
        + (proxy == null || proxy.isEmpty() ? "" : ", proxy=" + proxy)
        + ", allowPartial="
        + allowPartial
        + (sigv4 == null ? "" : ", " + sigv4)
        + ", maxResponseBytes="
        + maxResponseBytes
        + "]";
  }
}
