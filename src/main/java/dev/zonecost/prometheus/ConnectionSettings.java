package dev.zonecost.prometheus;

import dev.zonecost.common.UsageException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * How to reach the Prometheus-compatible API, as plain values from flags or a config file. {@link
 * #config} checks them and, with the environment it is handed (proxies, secrets, AWS region),
 * builds the client's {@link PrometheusConfig}; nothing here reads the process environment.
 *
 * @param url the API base URL, with any path prefix
 * @param timeout timeout of each request
 * @param retries retries on transient failures
 * @param allowPartial let Thanos answer from the stores it reached
 * @param auth bearer token, basic auth, headers, tenant
 * @param tls CA, client certificate, or skipped verification
 * @param sigv4 AWS SigV4 signing, or {@code null}
 * @param maxResponseBytes the largest answer read (0 = the default)
 */
public record ConnectionSettings(
    String url,
    Duration timeout,
    int retries,
    boolean allowPartial,
    AuthSettings auth,
    TlsFiles tls,
    SigV4Request sigv4,
    long maxResponseBytes) {

  /**
   * --sigv4 as given: region and signing name may be missing.
   *
   * @param credentials the keys, or {@code null} for the AWS SDK's default chain
   * @param clock the signing time, or {@code null} for the system clock
   */
  public record SigV4Request(
      String region, String service, AwsCredentialsProvider credentials, Clock clock) {
    public static final String REGION_ENV = "AWS_REGION";
  }

  public PrometheusConfig config(Map<String, String> env, WarningSink warnings) {
    HttpUrl base = baseUrl();
    if (retries < 0) {
      throw new UsageException("--retries must be 0 or more");
    }
    if (maxResponseBytes < 0) {
      throw new UsageException("--max-response-bytes must be a size, e.g. 256MiB");
    }
    EnvironmentProxy proxy;
    try {
      proxy = EnvironmentProxy.from(env);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new PrometheusConfig(
        base,
        timeout,
        retries,
        auth.headers(env),
        null,
        tls.settings(base.isHttps()),
        proxy,
        allowPartial,
        warnings,
        sigV4(base, env),
        maxResponseBytes);
  }

  public HttpUrl baseUrl() {
    if (url == null || url.isBlank()) {
      throw new UsageException(
          "no Prometheus to ask: pass --prometheus-url URL or set PROMETHEUS_URL");
    }
    HttpUrl base = HttpUrl.parse(url.trim());
    if (base == null) {
      throw new UsageException(
          "--prometheus-url is not an http(s) URL, e.g. http://127.0.0.1:9090");
    }
    return base;
  }

  /** The region: --aws-region, else the AMP host name, else $AWS_REGION. */
  private SigV4Settings sigV4(HttpUrl base, Map<String, String> env) {
    if (sigv4 == null) {
      return null;
    }
    String region = blankToNull(sigv4.region());
    if (region == null) {
      region = SigV4Settings.regionFromHost(base.host()).orElse(null);
    }
    if (region == null) {
      region = blankToNull(env.get(SigV4Request.REGION_ENV));
    }
    if (region == null) {
      throw new UsageException(
          "--sigv4 needs the workspace's region: pass --aws-region REGION (or set $"
              + SigV4Request.REGION_ENV
              + "); it is not in the URL's host "
              + base.host());
    }
    String service = blankToNull(sigv4.service());
    return new SigV4Settings(
        region,
        service == null ? SigV4Settings.AMP_SERVICE : service,
        sigv4.credentials() != null
            ? sigv4.credentials()
            : DefaultCredentialsProvider.builder().build(),
        sigv4.clock());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
