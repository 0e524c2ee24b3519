package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PrometheusClientTest {
  private static final Instant TIME = Instant.parse("2025-11-02T00:00:00Z");
  private static final String QUERY = "sum by (zone) (rate(bytes_total{job=\"a b\"}[5m])) + 1";

  private final List<Long> sleeps = new ArrayList<>();
  private final List<PrometheusClient> clients = new ArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    clients.forEach(PrometheusClient::close);
    server.close();
  }

  /** By address: "localhost" might resolve to ::1, where the server does not listen. */
  private HttpUrl url(String path) {
    return server.url(path).newBuilder().host("127.0.0.1").build();
  }

  private PrometheusClient client() {
    return client(TestConfig.of(url("/")).build());
  }

  private PrometheusClient client(PrometheusConfig config) {
    PrometheusClient client = new PrometheusClient(config, sleeps::add);
    clients.add(client);
    return client;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static MockResponse vector(String result) {
    return json(
        200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}");
  }

  private static String error(String errorType, String message) {
    return "{\"status\":\"error\",\"errorType\":\""
        + errorType
        + "\",\"error\":\""
        + message
        + "\"}";
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : request.getBody().utf8().split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return fields;
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  // --- the request sent ---

  @Test
  void should_post_an_instant_query_as_a_form_with_millisecond_time() throws Exception {
    server.enqueue(vector("[]"));

    client().query(QUERY, TIME.plusMillis(5));

    RecordedRequest request = taken();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/query", request.getUrl().encodedPath());
    assertTrue(
        request.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals(
        Map.of("partial_response", "false", "query", QUERY, "time", "1762041600.005"),
        form(request));
  }

  @Test
  void should_leave_partial_response_to_the_server_when_partial_answers_are_allowed()
      throws Exception {
    server.enqueue(vector("[]"));
    PrometheusClient client = client(TestConfig.of(url("/")).withAllowPartial(true).build());

    client.query(QUERY, TIME);

    assertEquals(Map.of("query", QUERY, "time", "1762041600.000"), form(taken()));
  }

  @Test
  void should_hand_warnings_and_infos_of_a_success_to_the_sink_in_order() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"warnings\":[\"w1\",\"w2\"],\"infos\":[\"i1\"],"
                + "\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    List<String> seen = new ArrayList<>();
    WarningSink sink =
        new WarningSink() {
          @Override
          public void warning(String text) {
            seen.add("warning " + text);
          }

          @Override
          public void info(String text) {
            seen.add("info " + text);
          }
        };

    QueryResult r = client(TestConfig.of(url("/")).withWarningSink(sink).build()).query("x", TIME);

    assertEquals(List.of("warning w1", "warning w2", "info i1"), seen);
    assertEquals(List.of("w1", "w2"), r.info().warnings(), "still recorded for the report");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prometheus", "/select/0/prometheus/"})
  void should_keep_the_path_prefix_of_the_base_url(String prefix) throws Exception {
    server.enqueue(vector("[]"));

    client(TestConfig.of(url(prefix)).build()).query("up", TIME);

    String expected = prefix.endsWith("/") ? prefix + "api/v1/query" : prefix + "/api/v1/query";
    assertEquals(expected, taken().getUrl().encodedPath());
  }

  @Test
  void should_send_the_extra_headers() throws Exception {
    server.enqueue(vector("[]"));
    var config =
        TestConfig.of(url("/")).withExtraHeaders(Map.of("X-Scope-OrgID", "team-a")).build();

    client(config).query("up", TIME);

    assertEquals("team-a", taken().getHeaders().get("X-Scope-OrgID"));
  }

  // --- decoding ---

  @Test
  void should_decode_a_vector_with_ordered_labels_special_values_and_fractional_times() {
    server.enqueue(
        vector(
            """
            [{"metric":{"zone":"b","__name__":"x","app":"a"},"value":[1762041600.123,"NaN"]},
             {"metric":{"zone":"a"},"value":[1762041600.5,"+Inf"]},
             {"metric":{},"value":[1762041600,"-Inf"]}]
            """));

    QueryResult result = client().query("x", TIME);

    assertEquals("vector", result.info().resultType());
    List<Series> series = result.series();
    assertEquals(List.of("zone", "__name__", "app"), List.copyOf(series.get(0).labels().keySet()));
    assertEquals(new Sample(1762041600123L, Double.NaN), series.get(0).samples().get(0));
    assertEquals(
        new Sample(1762041600500L, Double.POSITIVE_INFINITY), series.get(1).samples().get(0));
    assertEquals(
        new Sample(1762041600000L, Double.NEGATIVE_INFINITY), series.get(2).samples().get(0));
  }

  @Test
  void should_decode_a_matrix() {
    server.enqueue(
        json(
            200,
            """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"pod":"p1"},"values":[[1762041600,"1"],[1762041660.25,"2.5"]]}]}}
            """));

    QueryResult result = client().query("x", TIME);

    assertEquals(
        List.of(
            new Series(
                Map.of("pod", "p1"),
                List.of(new Sample(1762041600000L, 1), new Sample(1762041660250L, 2.5)))),
        result.series());
  }

  @Test
  void should_decode_a_scalar_as_one_series_without_labels() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1762041600.1,\"42\"]}}"));

    QueryResult result = client().query("scalar(42)", TIME);

    assertEquals(
        List.of(new Series(Map.of(), List.of(new Sample(1762041600100L, 42)))), result.series());
  }

  @Test
  void should_accept_status_after_data_and_capture_warnings_and_infos() {
    server.enqueue(
        json(
            200,
            """
            {"data":{"result":[{"metric":{"a":"1"},"value":[1,"1"]}],"resultType":"vector"},
             "warnings":["partial response: store x down"],
             "infos":["metric might not be a counter"],
             "status":"success"}
            """));

    QueryResult result = client().query("x", TIME);

    assertEquals(1, result.series().size());
    assertEquals(List.of("partial response: store x down"), result.info().warnings());
    assertEquals(List.of("metric might not be a counter"), result.info().infos());
  }

  @Test
  void should_hand_many_series_to_the_sink_in_order() {
    int count = 5_000;
    StringBuilder result = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      result.append(i == 0 ? "" : ",");
      result
          .append("{\"metric\":{\"i\":\"")
          .append(i)
          .append("\"},\"value\":[1,\"")
          .append(i)
          .append("\"]}");
    }
    server.enqueue(vector(result.append("]").toString()));
    List<String> seen = new ArrayList<>();

    client().query("x", TIME, s -> seen.add(s.label("i")));

    assertEquals(count, seen.size());
    for (int i = 0; i < count; i++) {
      assertEquals(String.valueOf(i), seen.get(i));
    }
  }

  @Test
  void should_hand_over_series_before_the_body_is_fully_read() {
    // The body breaks after two series: a decoder that buffered first would deliver none.
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"i\":\"0\"},\"value\":[1,\"0\"]},"
                + "{\"metric\":{\"i\":\"1\"},\"value\":[1,\"1\"]},{\"met"));
    List<Series> seen = new ArrayList<>();

    assertThrows(MalformedResponseException.class, () -> client().query("x", TIME, seen::add));

    assertEquals(2, seen.size());
  }

  // --- Prometheus errors ---

  @ParameterizedTest
  @ValueSource(ints = {400, 422, 200})
  void should_raise_the_servers_error_without_retrying(int code) {
    server.enqueue(
        json(
            code,
            error(
                code == 400 ? "bad_data" : "execution",
                "query processing would load too many samples")));

    var e = assertThrows(PrometheusApiException.class, () -> client().query(QUERY, TIME));

    assertEquals(code, e.httpStatus());
    assertEquals(QUERY, e.query());
    assertEquals("query processing would load too many samples", e.error());
    assertTrue(
        e.getMessage().contains("query processing would load too many samples"), e.getMessage());
    assertTrue(e.getMessage().contains("(HTTP " + code + ", "), e.getMessage());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void should_word_a_rejected_query_in_one_line() {
    server.enqueue(json(422, error("execution", "too many samples")));

    var e = assertThrows(PrometheusApiException.class, () -> client().query(QUERY, TIME));

    assertEquals(
        "Prometheus at "
            + Failures.display(url("/"))
            + " rejected the query (HTTP 422, execution): too many samples"
            + " — narrow the time range or selection, or raise the server's limits",
        e.getMessage());
    assertFalse(e.getMessage().contains(QUERY));
  }

  // --- retries ---

  @Test
  void should_retry_a_503_and_then_succeed() {
    server.enqueue(json(503, error("unavailable", "starting up")));
    server.enqueue(vector("[{\"metric\":{},\"value\":[1,\"1\"]}]"));

    QueryResult result = client().query("x", TIME);

    assertEquals(1, result.series().size());
    assertEquals(2, server.getRequestCount());
    assertEquals(1, sleeps.size());
    assertTrue(sleeps.get(0) >= 100 && sleeps.get(0) <= 200, sleeps.toString());
  }

  @Test
  void should_honour_retry_after() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "7")
            .body("slow down")
            .build());
    server.enqueue(vector("[]"));

    client().query("x", TIME);

    assertEquals(List.of(7_000L), sleeps);
  }

  @Test
  void should_give_up_when_retries_are_exhausted() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, error("unavailable", "overloaded")));
    }

    var e = assertThrows(PrometheusApiException.class, () -> client().query("x", TIME));

    assertEquals(503, e.httpStatus());
    assertEquals(4, server.getRequestCount());
    assertEquals(3, sleeps.size());
  }

  @Test
  void should_not_retry_a_503_that_carries_bad_data() {
    server.enqueue(json(503, error("bad_data", "invalid parameter")));

    assertThrows(PrometheusApiException.class, () -> client().query("x", TIME));

    assertEquals(1, server.getRequestCount());
  }

  @Test
  void should_retry_a_reset_connection() {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(vector("[]"));

    client().query("x", TIME);

    assertEquals(1, sleeps.size());
  }

  // --- answers that are not the API ---

  @Test
  void should_report_an_html_502_as_malformed_naming_the_status() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html; charset=utf-8")
            .body("<html><body>Bad Gateway</body></html>")
            .build());

    var e =
        assertThrows(
            MalformedResponseException.class,
            () -> client(TestConfig.of(url("/")).withRetries(0).build()).query("x", TIME));

    assertTrue(
        e.getMessage().contains("answered HTTP 502 with text/html, not the Prometheus API JSON"),
        e.getMessage());
  }

  @Test
  void should_report_truncated_json() {
    server.enqueue(
        json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["));

    var e = assertThrows(MalformedResponseException.class, () -> client().query("x", TIME));

    assertTrue(e.getMessage().contains("invalid or truncated JSON"), e.getMessage());
  }

  @Test
  void should_refuse_a_string_result() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"hello\"]}}"));

    var e = assertThrows(MalformedResponseException.class, () -> client().query("\"hello\"", TIME));

    assertTrue(e.getMessage().contains("unexpected result type 'string'"), e.getMessage());
  }

  @Test
  void should_say_when_credentials_are_refused() {
    server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());

    var e = assertThrows(BackendException.class, () -> client().query("x", TIME));

    assertEquals(
        "Prometheus at "
            + Failures.display(url("/"))
            + " refused the credentials (HTTP 401) — check the token, password or tenant",
        e.getMessage());
  }

  @Test
  void should_point_at_the_path_prefix_on_404() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .addHeader("Content-Type", "text/plain")
            .body("404 page not found")
            .build());

    var e = assertThrows(BackendException.class, () -> client().query("x", TIME));

    assertTrue(
        e.getMessage()
            .contains("/api/v1/query (HTTP 404) — check the path prefix in --prometheus-url"),
        e.getMessage());
  }

  // --- transport failures ---

  @Test
  void should_report_a_refused_connection_in_one_line() throws IOException {
    HttpUrl closed = url("/");
    server.close();

    var e =
        assertThrows(
            BackendUnreachableException.class,
            () -> client(TestConfig.of(closed).build()).query("x", TIME));

    assertEquals(
        "cannot connect to http://127.0.0.1:"
            + closed.port()
            + "/: connection refused — is Prometheus running and is --prometheus-url right?",
        e.getMessage());
    assertEquals(3, sleeps.size(), "connection refused is retried, boundedly");
  }

  @Test
  void should_report_a_dns_failure_without_retrying() {
    AtomicInteger lookups = new AtomicInteger();
    var config =
        TestConfig.of(HttpUrl.get("http://prometheus.invalid:9090/"))
            .withDns(
                host -> {
                  lookups.incrementAndGet();
                  throw new UnknownHostException("no such host: " + host);
                })
            .build();

    var e = assertThrows(BackendUnreachableException.class, () -> client(config).query("x", TIME));

    assertEquals(
        "cannot resolve host prometheus.invalid of http://prometheus.invalid:9090/ — check --prometheus-url and DNS",
        e.getMessage());
    assertEquals(1, lookups.get());
  }

  @Test
  void should_report_a_tls_failure() throws Exception {
    // A plain-HTTP peer on an https:// URL: the handshake cannot succeed.
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread peer =
          new Thread(
              () -> {
                try (Socket socket = plain.accept();
                    OutputStream out = socket.getOutputStream()) {
                  out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException ignored) {
                  // the client hung up first; the assertion below still decides
                }
              });
      peer.start();
      HttpUrl url = HttpUrl.get("https://127.0.0.1:" + plain.getLocalPort() + "/");

      var e =
          assertThrows(
              BackendUnreachableException.class,
              () -> client(TestConfig.of(url).build()).query("x", TIME));

      assertTrue(
          e.getMessage().startsWith("TLS handshake with " + Failures.display(url) + " failed: "),
          e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      peer.join(5_000);
    }
  }

  @Test
  void should_time_out_when_the_answer_is_slower_than_the_timeout() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
            .bodyDelay(3, TimeUnit.SECONDS)
            .build());
    var config = TestConfig.of(url("/")).withTimeout(Duration.ofMillis(300)).build();

    var e = assertThrows(BackendTimeoutException.class, () -> client(config).query("x", TIME));

    assertEquals(
        "Prometheus at "
            + Failures.display(url("/"))
            + " did not answer within 300ms (raise --timeout)",
        e.getMessage());
  }

  // --- version ---

  @Test
  void should_read_the_version_from_buildinfo() throws Exception {
    server.enqueue(
        json(200, "{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\",\"revision\":\"x\"}}"));

    assertEquals(
        Optional.of("2.42.0"), client(TestConfig.of(url("/prometheus")).build()).version());

    RecordedRequest request = taken();
    assertEquals("GET", request.getMethod());
    assertEquals("/prometheus/api/v1/status/buildinfo", request.getUrl().encodedPath());
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 401, 403, 500})
  void should_have_no_version_when_buildinfo_is_not_served(int code) {
    server.enqueue(new MockResponse.Builder().code(code).body("nope").build());

    assertEquals(Optional.empty(), client().version());
  }

  // --- secrets ---

  @Test
  void should_never_print_header_values_or_url_credentials() throws Exception {
    Map<String, String> secret = Map.of("Authorization", "Bearer s3cr3t");
    HttpUrl withUser = url("/").newBuilder().username("alice").password("hunter2").build();
    server.enqueue(
        new MockResponse.Builder().code(401).body("Unauthorized: Bearer s3cr3t").build());
    server.enqueue(json(422, error("execution", "boom")));
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body("x")
            .build());
    PrometheusClient client =
        client(TestConfig.of(withUser).withExtraHeaders(secret).withRetries(0).build());

    List<Executable> failing =
        List.of(
            () -> client.query("x", TIME),
            () -> client.query("x", TIME),
            () -> client.query("x", TIME),
            () -> {
              server.close();
              client.query("x", TIME);
            });
    for (Executable call : failing) {
      BackendException e = assertThrows(BackendException.class, call);
      assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
    assertEquals("Bearer s3cr3t", taken().getHeaders().get("Authorization"));
    String config = TestConfig.of(withUser).withExtraHeaders(secret).build().toString();
    assertFalse(config.contains("s3cr3t") || config.contains("hunter2"), config);
    var badHeader =
        TestConfig.of(withUser)
            .withExtraHeaders(Map.of("Authorization", "Bearer s3cr3t\n"))
            .build();
    var invalid = assertThrows(IllegalArgumentException.class, () -> client(badHeader));
    assertFalse(invalid.getMessage().contains("s3cr3t"), invalid.getMessage());
  }
}
