package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects: none of the user's headers reach another origin, and the query is never lost. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RedirectTest {
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final String EMPTY =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

  private final List<PrometheusClient> clients = new ArrayList<>();
  private MockWebServer origin;
  private MockWebServer elsewhere;

  @BeforeEach
  void start() throws IOException {
    origin = new MockWebServer();
    origin.start(InetAddress.getByName("127.0.0.1"), 0);
    elsewhere = new MockWebServer();
    elsewhere.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    clients.forEach(PrometheusClient::close);
    origin.close();
    elsewhere.close();
  }

  private static HttpUrl at(MockWebServer s, String path) {
    return s.url(path).newBuilder().host("127.0.0.1").build();
  }

  private PrometheusClient client() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer t0ken-value");
    headers.put("X-Scope-OrgID", "tenant-a");
    headers.put("Cookie", "session=c00kie");
    headers.put("X-Custom", "custom-value");
    PrometheusClient c =
        new PrometheusClient(
            TestConfig.of(at(origin, "/")).withExtraHeaders(headers).withRetries(0).build(),
            millis -> {});
    clients.add(c);
    return c;
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void should_refuse_a_redirect_to_another_origin_sending_it_nothing(int code) {
    origin.enqueue(redirect(code, at(elsewhere, "/prom/api/v1/query").toString()));
    elsewhere.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(EMPTY)
            .build());

    BackendException e = assertThrows(BackendException.class, () -> client().query("up", NOW));

    assertEquals(0, elsewhere.getRequestCount(), "nothing reached the other origin");
    String base = "http://127.0.0.1:" + elsewhere.getPort();
    assertTrue(
        e.getMessage().contains("redirected to " + base + "/prom/api/v1/query"), e.getMessage());
    assertTrue(e.getMessage().contains("--prometheus-url " + base + "/prom/"), e.getMessage());
    assertFalse(e.getMessage().contains("t0ken"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303})
  void should_say_a_redirect_would_lose_the_post_rather_than_send_a_bodiless_get(int code) {
    origin.enqueue(redirect(code, "/other/api/v1/query"));
    origin.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"no expression found\"}")
            .build());

    BackendException e = assertThrows(BackendException.class, () -> client().query("up", NOW));

    assertEquals(1, origin.getRequestCount());
    assertFalse(e.getMessage().contains("no expression found"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("redirected to http://127.0.0.1:" + origin.getPort() + "/other/api/v1/query"),
        e.getMessage());
    assertTrue(e.getMessage().contains("POST into a GET"), e.getMessage());
  }

  @Test
  void should_follow_a_same_origin_307_with_the_same_post_and_headers() throws Exception {
    origin.enqueue(redirect(307, "/moved/api/v1/query"));
    origin.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(EMPTY)
            .build());

    client().query("up", NOW);

    origin.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest second = origin.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("POST", second.getMethod());
    assertEquals("/moved/api/v1/query", second.getUrl().encodedPath());
    assertTrue(second.getBody().utf8().contains("query=up"), second.getBody().utf8());
    assertEquals("tenant-a", second.getHeaders().get("X-Scope-OrgID"));
  }
}
