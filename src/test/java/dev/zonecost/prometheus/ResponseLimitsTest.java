package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 29 row 8: every answer is read through one bounded path, within the timeout. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResponseLimitsTest {
  private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
  private final List<PrometheusClient> clients = new ArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
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

  private PrometheusClient client(TestConfig config) {
    PrometheusClient client =
        new PrometheusClient(
            config
                .withRetries(0)
                .withWarningSink(
                    new WarningSink() {
                      @Override
                      public void warning(String text) {
                        warnings.add(text);
                      }

                      @Override
                      public void info(String text) {
                        warnings.add(text);
                      }
                    })
                .build(),
            millis -> {});
    clients.add(client);
    return client;
  }

  private HttpUrl base() {
    return server.url("/").newBuilder().host("127.0.0.1").build();
  }

  /** A vector of {@code n} series, about 100 bytes each. */
  private static String vector(int n) {
    StringBuilder s =
        new StringBuilder(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : ",")
          .append("{\"metric\":{\"pod\":\"pod-")
          .append(i)
          .append("\",\"zone\":\"zone-a\"},\"value\":[1700000000,\"1\"]}");
    }
    return s.append("]}}").toString();
  }

  private static MockResponse json(String body, boolean chunked) {
    MockResponse.Builder b =
        new MockResponse.Builder().addHeader("Content-Type", "application/json");
    return (chunked ? b.chunkedBody(body, 1024) : b.body(body)).build();
  }

  @Test
  void should_fail_with_one_line_naming_the_cap_when_an_answer_is_larger() {
    server.enqueue(json(vector(2000), true));
    server.enqueue(json(vector(2000), false));
    PrometheusClient client = client(TestConfig.of(base()).withMaxResponseBytes(50_000));
    for (String how : List.of("chunked", "with a Content-Length")) {
      List<Series> got = new ArrayList<>();
      BackendException e =
          assertThrows(BackendException.class, () -> client.query("up", NOW, got::add), how);
      assertTrue(e.getMessage().contains("--max-response-bytes (50000 bytes)"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
  }

  @Test
  void should_read_an_answer_within_the_cap() {
    server.enqueue(json(vector(100), true));
    assertEquals(
        100,
        client(TestConfig.of(base()).withMaxResponseBytes(50_000))
            .query("up", NOW)
            .series()
            .size());
  }

  @Test
  void should_keep_a_hundred_warnings_and_count_the_rest() {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      w.append(i == 0 ? "" : ",")
          .append("\"warning ")
          .append(i)
          .append(" ")
          .append("x".repeat(5000))
          .append('"');
    }
    server.enqueue(
        json(
            "{\"status\":\"success\",\"warnings\":["
                + w
                + "],\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
            true));
    client(TestConfig.of(base())).query("up", NOW);
    assertEquals(101, warnings.size());
    assertTrue(warnings.stream().allMatch(t -> t.length() < 2100), "each cut short");
    assertEquals("and 4900 more warnings not shown", warnings.get(100));
  }

  @Test
  void should_not_read_a_huge_buildinfo() {
    server.enqueue(
        json(
            "{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\",\"padding\":\""
                + "x".repeat(10 << 20)
                + "\"}}",
            true));
    assertEquals(Optional.empty(), client(TestConfig.of(base())).version());
  }

  @Test
  void should_bound_the_whole_request_body_included_by_the_timeout() {
    // Headers at once, then a body that trickles: each read is quick, the whole is not.
    Buffer body = new Buffer().writeUtf8(vector(2000));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(body)
            .throttleBody(1024, 100, TimeUnit.MILLISECONDS)
            .build());
    PrometheusClient client = client(TestConfig.of(base()).withTimeout(Duration.ofSeconds(1)));
    long t0 = System.nanoTime();
    BackendException e = assertThrows(BackendException.class, () -> client.query("up", NOW));
    assertTrue(e instanceof BackendTimeoutException, e.toString());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "bounded by --timeout");
  }
}
