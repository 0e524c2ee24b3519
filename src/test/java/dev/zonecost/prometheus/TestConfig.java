package dev.zonecost.prometheus;

import java.time.Duration;
import java.util.Map;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * A {@link PrometheusConfig} for tests, built one setting at a time from the defaults (2-minute
 * timeout, 3 retries, no headers, the system resolver and TLS roots, no proxy, no partial answers,
 * warnings dropped). Production code builds the record whole, from {@link ConnectionSettings}.
 */
final class TestConfig {
  private final HttpUrl baseUrl;
  private Duration timeout = PrometheusConfig.DEFAULT_TIMEOUT;
  private int retries = PrometheusConfig.DEFAULT_RETRIES;
  private Map<String, String> extraHeaders = Map.of();
  private Dns dns;
  private TlsSettings tls;
  private EnvironmentProxy proxy;
  private boolean allowPartial;
  private WarningSink warningSink;
  private SigV4Settings sigv4;
  private long maxResponseBytes;

  private TestConfig(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  static TestConfig of(HttpUrl baseUrl) {
    return new TestConfig(baseUrl);
  }

  TestConfig withTimeout(Duration value) {
    timeout = value;
    return this;
  }

  TestConfig withRetries(int value) {
    retries = value;
    return this;
  }

  TestConfig withExtraHeaders(Map<String, String> value) {
    extraHeaders = value;
    return this;
  }

  TestConfig withDns(Dns value) {
    dns = value;
    return this;
  }

  TestConfig withTls(TlsSettings value) {
    tls = value;
    return this;
  }

  TestConfig withProxy(EnvironmentProxy value) {
    proxy = value;
    return this;
  }

  TestConfig withAllowPartial(boolean value) {
    allowPartial = value;
    return this;
  }

  TestConfig withWarningSink(WarningSink value) {
    warningSink = value;
    return this;
  }

  TestConfig withSigV4(SigV4Settings value) {
    sigv4 = value;
    return this;
  }

  TestConfig withMaxResponseBytes(long value) {
    maxResponseBytes = value;
    return this;
  }

  PrometheusConfig build() {
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
        sigv4,
        maxResponseBytes);
  }
}
