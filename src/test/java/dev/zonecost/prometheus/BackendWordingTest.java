package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rate limits, outages, refused credentials and hostile text, each said plainly. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BackendWordingTest {
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private final List<Long> sleeps = new ArrayList<>();
  private final List<String> said = new CopyOnWriteArrayList<>();
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

  private PrometheusClient client(int retries) {
    WarningSink sink =
        new WarningSink() {
          @Override
          public void warning(String text) {
            said.add(text);
          }

          @Override
          public void info(String text) {
            said.add(text);
          }
        };
    PrometheusClient c =
        new PrometheusClient(
            TestConfig.of(server.url("/").newBuilder().host("127.0.0.1").build())
                .withRetries(retries)
                .withWarningSink(sink)
                .build(),
            sleeps::add);
    clients.add(c);
    return c;
  }

  private static MockResponse status(int code, String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body("slow down");
    if (retryAfter != null) {
      b.addHeader("Retry-After", retryAfter);
    }
    return b.build();
  }

  @Test
  void should_say_it_waits_on_a_huge_retry_after_cap_it_and_then_name_the_rate_limit() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(429, "86400"));
    }
    BackendException e = assertThrows(BackendException.class, () -> client(2).query("up", NOW));
    assertEquals(List.of(60_000L, 60_000L), sleeps);
    assertEquals(
        List.of(
            "rate limited (HTTP 429, Retry-After 86400): waiting 1m0s, capped before retry 1 of 2",
            "rate limited (HTTP 429, Retry-After 86400): waiting 1m0s, capped before retry 2 of 2"),
        said);
    assertTrue(
        e.getMessage().contains("is rate limiting zonecost (HTTP 429) after every retry"),
        e.getMessage());
    assertFalse(e.getMessage().contains("not the Prometheus API JSON"), e.getMessage());
  }

  @Test
  void should_name_an_unavailable_server_after_retries() {
    server.enqueue(status(503, null));
    BackendException e = assertThrows(BackendException.class, () -> client(0).query("up", NOW));
    assertTrue(e.getMessage().contains("is unavailable (HTTP 503)"), e.getMessage());
  }

  @Test
  void should_keep_the_credentials_hint_when_a_401_or_403_has_a_json_body() {
    for (int code : new int[] {401, 403}) {
      server.enqueue(
          new MockResponse.Builder()
              .code(code)
              .addHeader("Content-Type", "application/json")
              .body("{\"status\":\"error\",\"errorType\":\"auth\",\"error\":\"token expired\"}")
              .build());
      BackendException e = assertThrows(BackendException.class, () -> client(0).query("up", NOW));
      assertFalse(e instanceof PrometheusApiException);
      assertTrue(
          e.getMessage().contains("refused the credentials (HTTP " + code + ": token expired)"),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("check the token, password or tenant"), e.getMessage());
    }
  }

  @Test
  void should_escape_control_characters_of_warnings_and_errors() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"status\":\"success\",\"warnings\":[\"bad \\u001b[31mred\\u0007\"],"
                    + "\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
            .build());
    client(0).query("up", NOW);
    assertEquals(List.of("bad \\u001b[31mred\\u0007"), said);

    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"x\\u001b]0;pwned\\u0007\"}")
            .build());
    var e = assertThrows(PrometheusApiException.class, () -> client(0).query("up", NOW));
    assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
  }
}
