package dev.zonecost.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.common.TerminalText;
import dev.zonecost.common.Timings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.tls.HandshakeCertificates;

/**
 * {@link PrometheusApi} over HTTP with OkHttp: form-encoded POSTs (long PromQL breaks GET URLs),
 * retries for transient failures, and a streaming decoder. One OkHttp client per instance; close it
 * to release its threads and connections.
 */
public final class PrometheusClient implements PrometheusApi, AutoCloseable {
  // Prometheus refuses these for good reasons; asking again gives the same answer.
  private static final Set<String> FINAL_ERROR_TYPES = Set.of("bad_data", "execution");
  private static final long ERROR_PEEK_BYTES = 16 * 1024;
  // buildinfo is a few hundred bytes; more is not buildinfo.
  private static final long BUILDINFO_BYTES = 64 * 1024;
  private static final int MAX_REDIRECTS = 5;
  // Framing and routing belong to the HTTP client: a wrong Content-Length hangs the request, a
  // Host header sends it to another virtual host, Accept-Encoding breaks transparent gzip.
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "content-length",
          "content-type",
          "content-encoding",
          "transfer-encoding",
          "host",
          "connection",
          "keep-alive",
          "proxy-connection",
          "upgrade",
          "te",
          "trailer",
          "expect",
          "accept-encoding");

  private final PrometheusConfig config;
  private final OkHttpClient http;
  private final Headers headers;
  private final RetryPolicy retryPolicy;
  private final SecretMasker masker;
  private final Timings timings;

  public PrometheusClient(PrometheusConfig config) {
    this(config, Timings.OFF);
  }

  /**
   * A client that records each request in {@code timings} and, when they record, asks the server
   * for its own time ({@code stats=all}; a server that does not know the parameter ignores it).
   */
  public PrometheusClient(PrometheusConfig config, Timings timings) {
    this(config, RetryPolicy.sleeping(), timings);
  }

  /** For tests: sleeps go to {@code sleeper} (milliseconds) instead of the clock. */
  PrometheusClient(PrometheusConfig config, LongConsumer sleeper) {
    this(config, new RetryPolicy(sleeper, Clock.systemUTC()), Timings.OFF);
  }

  private PrometheusClient(PrometheusConfig config, RetryPolicy retryPolicy, Timings timings) {
    this.config = config;
    this.retryPolicy = retryPolicy;
    this.timings = timings;
    this.headers = headers(config.extraHeaders());
    this.masker = SecretMasker.of(config.baseUrl(), config.extraHeaders(), config.proxy());
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(config.timeout())
            .readTimeout(config.timeout())
            .writeTimeout(config.timeout())
            .callTimeout(config.timeout())
            // Our loop owns retries, so the number of attempts is exactly what the user set.
            .retryOnConnectionFailure(false)
            // OkHttp would carry every header but Authorization to another origin, and turn the
            // POST into a bodiless GET on 301/302/303; send() decides instead.
            .followRedirects(false)
            .followSslRedirects(false);
    if (config.dns() != null) {
      builder.dns(config.dns());
    }
    if (config.proxy() != null && !config.proxy().isEmpty()) {
      builder.proxySelector(config.proxy()).proxyAuthenticator(config.proxy().authenticator());
    }
    tls(builder, config.tls(), config.baseUrl().host());
    if (!config.baseUrl().isHttps() && config.tls().isDefault()) {
      // Plain HTTP, and send() follows no redirect to another origin (scheme included): without a
      // TLS spec OkHttp does not load the JVM's trust store and TLS provider (~230 classes).
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    if (config.sigv4() != null) {
      builder.addInterceptor(new SigV4Interceptor(config.sigv4(), masker));
    }
    this.http = builder.build();
  }

  /** For tests: the HTTP client as built. */
  OkHttpClient http() {
    return http;
  }

  @Override
  public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
    FormBody.Builder form = form().add("query", promql).add("time", seconds(time));
    if (timings.on()) {
      form.add("stats", "all");
    }
    return post("api/v1/query", form.build(), promql, sink);
  }

  @Override
  public Optional<String> version() {
    HttpUrl url = endpoint("api/v1/status/buildinfo");
    long t0 = System.nanoTime();
    try (Response response = send(request(url).get().build())) {
      if (!response.isSuccessful()) {
        return Optional.empty();
      }
      long t1 = System.nanoTime();
      long cpu = timings.on() ? Timings.cpuNanos() : 0;
      JsonNode root;
      try (CappedInputStream in =
          new CappedInputStream(
              response.body().byteStream(), Math.min(BUILDINFO_BYTES, config.maxResponseBytes()))) {
        root = EnvelopeDecoder.MAPPER.readTree(in);
        record("buildinfo", t0, t1, cpu, in.bytesRead(), Double.NaN);
      }
      return Optional.ofNullable(root)
          .map(json -> json.path("data").path("version"))
          .filter(JsonNode::isTextual)
          .map(JsonNode::asText);
    } catch (IOException e) {
      // The server answered, but not with buildinfo JSON: that is "no version", not a failure.
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    if (config.sigv4() != null && config.sigv4().credentials() instanceof AutoCloseable provider) {
      try {
        provider.close();
      } catch (Exception e) {
        // Nothing left to release that matters to the answer.
      }
    }
  }

  /** Unix seconds with millisecond precision, never in scientific notation. */
  static String seconds(Instant time) {
    return BigDecimal.valueOf(time.toEpochMilli(), 3).toPlainString();
  }

  /** Seconds as short as exact: 60s → "60", 500ms → "0.5". */
  static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.getSeconds())
        .add(BigDecimal.valueOf(duration.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * Thanos answers from the stores it reached and only warns about the rest unless told not to;
   * other servers ignore the parameter.
   */
  private FormBody.Builder form() {
    FormBody.Builder form = new FormBody.Builder();
    if (!config.allowPartial()) {
      form.add("partial_response", "false");
    }
    return form;
  }

  private static void tls(OkHttpClient.Builder builder, TlsSettings tls, String host) {
    if (tls.isDefault()) {
      return;
    }
    HandshakeCertificates.Builder certificates = new HandshakeCertificates.Builder();
    if (tls.trustedCertificates().isEmpty()) {
      certificates.addPlatformTrustedCertificates();
    } else {
      tls.trustedCertificates().forEach(certificates::addTrustedCertificate);
    }
    if (tls.clientCertificate() != null) {
      certificates.heldCertificate(
          tls.clientCertificate(), tls.clientChain().toArray(new X509Certificate[0]));
    }
    HandshakeCertificates built = certificates.build();
    if (!tls.insecureSkipVerify()) {
      builder.sslSocketFactory(built.sslSocketFactory(), built.trustManager());
      return;
    }
    // Any chain and any name on it, but only for the configured host: a redirect elsewhere fails.
    X509TrustManager acceptAll = new AcceptAnyCertificate();
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {built.keyManager()}, new TrustManager[] {acceptAll}, null);
      builder.sslSocketFactory(context.getSocketFactory(), acceptAll);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM offers no TLS context", e);
    }
    builder.hostnameVerifier((name, session) -> name.equalsIgnoreCase(host));
  }

  /** For --insecure-skip-tls-verify only. */
  private static final class AcceptAnyCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  private ResultInfo post(String path, FormBody form, String promql, Consumer<Series> sink) {
    HttpUrl url = endpoint(path);
    long t0 = System.nanoTime();
    try (Response response = send(request(url).post(form).build())) {
      return read(response, url, promql, sink, t0);
    }
  }

  private void record(String what, long t0, long t1, long cpu, long bytes, double server) {
    if (timings.on()) {
      long t2 = System.nanoTime();
      timings.request(
          new Timings.Request(what, t1 - t0, t2 - t1, Timings.cpuNanos() - cpu, bytes, server, t0));
    }
  }

  /** addPathSegments keeps the base URL's prefix and replaces only a trailing empty segment. */
  private HttpUrl endpoint(String path) {
    return config.baseUrl().newBuilder().addPathSegments(path).build();
  }

  private Request.Builder request(HttpUrl url) {
    return new Request.Builder().url(url).headers(headers).header("Accept", "application/json");
  }

  /**
   * Sends, following only redirects that keep the origin and the method (307, 308), and returns the
   * last response, which the caller must close. Any other redirect is refused, naming where it
   * pointed: following it would either send the user's headers to another origin or lose the query.
   */
  private Response send(Request request) {
    Request current = request;
    for (int hop = 0; ; hop++) {
      Response response = sendWithRetries(current);
      if (!response.isRedirect()) {
        return response;
      }
      String location = response.header("Location");
      HttpUrl next = location == null ? null : current.url().resolve(location);
      int code = response.code();
      response.close();
      if (next == null) {
        throw Failures.redirected(code, config.baseUrl(), current.url(), null);
      }
      boolean sameOrigin = Failures.origin(next).equals(Failures.origin(current.url()));
      if (sameOrigin && (code == 307 || code == 308) && hop < MAX_REDIRECTS) {
        current = current.newBuilder().url(next).build();
        continue;
      }
      throw Failures.redirected(code, config.baseUrl(), current.url(), next);
    }
  }

  /** Sends with retries and returns the last response, which the caller must close. */
  private Response sendWithRetries(Request request) {
    for (int attempt = 0; ; attempt++) {
      boolean mayRetry = attempt < config.retries();
      Response response;
      try {
        response = http.newCall(request).execute();
      } catch (IOException e) {
        if (mayRetry && RetryPolicy.isTransient(e)) {
          retryPolicy.pause(attempt, null);
          continue;
        }
        throw Failures.transport(e, config.baseUrl(), config.timeout());
      }
      if (mayRetry && shouldRetry(response)) {
        String retryAfter = response.header("Retry-After");
        int code = response.code();
        response.close();
        long wait = retryPolicy.delayMillis(attempt, retryAfter);
        if (wait >= RetryPolicy.SAY_WAITING_MILLIS) {
          // A silent minute looks like a hang: say what the server asked and what we do.
          config
              .warningSink()
              .warning(Failures.waiting(code, retryAfter, wait, attempt + 1, config.retries()));
        }
        retryPolicy.sleep(wait);
        continue;
      }
      return response;
    }
  }

  private boolean shouldRetry(Response response) {
    if (!RetryPolicy.RETRYABLE_STATUS.contains(response.code())) {
      return false;
    }
    // Error bodies are small; peeking leaves the body readable for the final attempt.
    try {
      JsonNode body = EnvelopeDecoder.MAPPER.readTree(response.peekBody(ERROR_PEEK_BYTES).string());
      return body == null || !FINAL_ERROR_TYPES.contains(body.path("errorType").asText());
    } catch (IOException notJson) {
      return true;
    }
  }

  private ResultInfo read(
      Response response, HttpUrl url, String promql, Consumer<Series> sink, long t0) {
    long t1 = System.nanoTime();
    long cpu = timings.on() ? Timings.cpuNanos() : 0;
    long bytes;
    int code = response.code();
    boolean ok = response.isSuccessful();
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    if (type != null && !type.subtype().contains("json")) {
      throw Failures.notTheApi(code, type, config.baseUrl(), url);
    }
    if (body.contentLength() > config.maxResponseBytes()) {
      throw tooLarge(url, null);
    }
    Envelope envelope;
    // A failed answer must not feed the caller's sink, whatever its body claims.
    try (CappedInputStream in =
        new CappedInputStream(body.byteStream(), config.maxResponseBytes())) {
      envelope = EnvelopeDecoder.decode(in, ok ? sink : series -> {});
      bytes = in.bytesRead();
    } catch (CappedInputStream.TooLargeException e) {
      throw tooLarge(url, e);
    } catch (JsonProcessingException e) {
      if (!ok) {
        throw Failures.notTheApi(code, type, config.baseUrl(), url);
      }
      throw Failures.malformed(
          code, url, masker.mask("invalid or truncated JSON: " + e.getOriginalMessage()));
    } catch (BadEnvelopeException e) {
      if (!ok) {
        throw Failures.notTheApi(code, type, config.baseUrl(), url);
      }
      throw Failures.malformed(code, url, masker.mask(e.getMessage()));
    } catch (InterruptedIOException e) {
      throw Failures.transport(e, config.baseUrl(), config.timeout());
    } catch (IOException e) {
      // Not retried: the sink may already hold part of this answer.
      throw new BackendException(
          "lost the connection to "
              + Failures.display(config.baseUrl())
              + " while reading its answer: "
              + Failures.oneLine(masker.mask(String.valueOf(e.getMessage())))
              + " — try again",
          e);
    }
    if (code == 401 || code == 403) {
      throw Failures.refused(code, config.baseUrl(), masker.mask(envelope.error()));
    }
    if (envelope.isError()) {
      throw new PrometheusApiException(
          Failures.display(config.baseUrl()),
          code,
          serverText(envelope.errorType()),
          serverText(envelope.error()),
          promql);
    }
    if (!ok) {
      throw Failures.notTheApi(code, type, config.baseUrl(), url);
    }
    // Secrets masked, control characters shown rather than obeyed by the terminal.
    envelope.warnings().forEach(text -> config.warningSink().warning(serverText(text)));
    envelope.infos().forEach(text -> config.warningSink().info(serverText(text)));
    record(promql, t0, t1, cpu, bytes, envelope.serverSeconds());
    return envelope.info();
  }

  private BackendException tooLarge(HttpUrl url, Throwable cause) {
    return new BackendException(
        "Prometheus at "
            + Failures.display(url)
            + " sent an answer larger than --max-response-bytes ("
            + config.maxResponseBytes()
            + " bytes) — ask for less (a shorter window, a narrower selection) or raise"
            + " --max-response-bytes",
        cause);
  }

  /** Text the server wrote, as it may reach a terminal: secrets masked, one line, no controls. */
  private String serverText(String text) {
    return text == null ? null : TerminalText.escape(Failures.oneLine(masker.mask(text)));
  }

  /** Built once; OkHttp's own message would echo the value of a bad header, so ours names it. */
  private static Headers headers(Map<String, String> extra) {
    Headers.Builder builder = new Headers.Builder();
    extra.forEach(
        (name, value) -> {
          if (RESERVED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException(
                "'"
                    + name
                    + "' is set by zonecost's HTTP client (framing, host and encoding of the"
                    + " request); it cannot be sent as a header");
          }
          try {
            builder.add(name, value);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "header '" + name + "' has a name or value that HTTP does not allow");
          }
        });
    return builder.build();
  }
}
