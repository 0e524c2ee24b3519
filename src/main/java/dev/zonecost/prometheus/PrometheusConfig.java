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
    SigV4Settings sigv4) {

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
    tls = tls == null ? TlsSettings.DEFAULT : tls;
    warningSink = warningSink == null ? WarningSink.NONE : warningSink;
  }

  /** Without SigV4. */
  public PrometheusConfig(
      HttpUrl baseUrl,
      Duration timeout,
      int retries,
      Map<String, String> extraHeaders,
      Dns dns,
      TlsSettings tls,
      EnvironmentProxy proxy,
      boolean allowPartial,
      WarningSink warningSink) {
    this(baseUrl, timeout, retries, extraHeaders, dns, tls, proxy, allowPartial, warningSink, null);
  }

  /**
   * The defaults: 2 minute timeout, 3 retries, no extra headers, the system resolver, the JVM's TLS
   * roots, no proxy, no partial answers, warnings dropped.
   */
  public static PrometheusConfig of(HttpUrl baseUrl) {
    return new PrometheusConfig(
        baseUrl, DEFAULT_TIMEOUT, DEFAULT_RETRIES, Map.of(), null, null, null, false, null);
  }

  public PrometheusConfig withTimeout(Duration newTimeout) {
    return new PrometheusConfig(
        baseUrl,
        newTimeout,
        retries,
        extraHeaders,
        dns,
        tls,
        proxy,
        allowPartial,
        warningSink,
        sigv4);
  }

  public PrometheusConfig withRetries(int newRetries) {
    return new PrometheusConfig(
        baseUrl,
        timeout,
        newRetries,
        extraHeaders,
        dns,
        tls,
        proxy,
        allowPartial,
        warningSink,
        sigv4);
  }

  public PrometheusConfig withExtraHeaders(Map<String, String> headers) {
    return new PrometheusConfig(
        baseUrl, timeout, retries, headers, dns, tls, proxy, allowPartial, warningSink, sigv4);
  }

  public PrometheusConfig withDns(Dns newDns) {
    return new PrometheusConfig(
        baseUrl,
        timeout,
        retries,
        extraHeaders,
        newDns,
        tls,
        proxy,
        allowPartial,
        warningSink,
        sigv4);
  }

  public PrometheusConfig withTls(TlsSettings newTls) {
    return new PrometheusConfig(
        baseUrl,
        timeout,
        retries,
        extraHeaders,
        dns,
        newTls,
        proxy,
        allowPartial,
        warningSink,
        sigv4);
  }

  public PrometheusConfig withProxy(EnvironmentProxy newProxy) {
    return new PrometheusConfig(
        baseUrl,
        timeout,
        retries,
        extraHeaders,
        dns,
        tls,
        newProxy,
        allowPartial,
        warningSink,
        sigv4);
  }

  public PrometheusConfig withAllowPartial(boolean allow) {
    return new PrometheusConfig(
        baseUrl, timeout, retries, extraHeaders, dns, tls, proxy, allow, warningSink, sigv4);
  }

  public PrometheusConfig withWarningSink(WarningSink sink) {
    return new PrometheusConfig(
        baseUrl, timeout, retries, extraHeaders, dns, tls, proxy, allowPartial, sink, sigv4);
  }

  public PrometheusConfig withSigV4(SigV4Settings newSigV4) {
    return new PrometheusConfig(
        baseUrl,
        timeout,
        retries,
        extraHeaders,
        dns,
        tls,
        proxy,
        allowPartial,
        warningSink,
        newSigV4);
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
        + "]";
  }
}
