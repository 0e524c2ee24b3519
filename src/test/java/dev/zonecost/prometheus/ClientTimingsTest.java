package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.Timings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --timings}' client side: what it asks for and what it records per request. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientTimingsTest {
  private static final Instant TIME = Instant.parse("2025-11-02T00:00:00Z");
  private static final String VECTOR = "{\"metric\":{\"pod\":\"a\"},\"value\":[1762041600,\"1\"]}";

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpUrl url() {
    return server.url("/").newBuilder().host("127.0.0.1").build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static String answer(String stats) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + VECTOR
        + "]"
        + stats
        + "}}";
  }

  private String body(RecordedRequest r) {
    return r.getBody().utf8();
  }

  @Test
  void recordingAsksForStatsAndRecordsServerTimeBytesAndWait() throws Exception {
    String body =
        answer(
            ",\"stats\":{\"timings\":{\"evalTotalTime\":0.25,\"execQueueTime\":0.01,"
                + "\"execTotalTime\":0.375},\"samples\":{\"totalQueryableSamples\":7}}");
    server.enqueue(json(body).newBuilder().headersDelay(200, TimeUnit.MILLISECONDS).build());
    Timings timings = Timings.recording();
    try (PrometheusClient client = new PrometheusClient(TestConfig.of(url()).build(), timings)) {
      QueryResult r = client.query("up", TIME);
      assertEquals(1, r.series().size());
    }
    assertTrue(body(server.takeRequest(5, TimeUnit.SECONDS)).contains("stats=all"));
    List<Timings.Request> requests = timings.requests();
    assertEquals(1, requests.size());
    Timings.Request req = requests.get(0);
    assertEquals("up", req.what());
    assertEquals(0.375, req.serverSeconds());
    assertEquals(body.getBytes(StandardCharsets.UTF_8).length, req.bytes());
    assertTrue(req.waitNanos() >= Duration.ofMillis(200).toNanos(), "wait " + req.waitNanos());
    assertTrue(req.endNanos() >= req.startNanos() + req.waitNanos());
  }

  @Test
  void offSendsNoStatsAndRecordsNothing() throws Exception {
    server.enqueue(json(answer("")));
    try (PrometheusClient client = new PrometheusClient(TestConfig.of(url()).build())) {
      client.query("up", TIME);
    }
    assertFalse(body(server.takeRequest(5, TimeUnit.SECONDS)).contains("stats"));
    assertTrue(Timings.OFF.requests().isEmpty());
  }

  @Test
  void statsOfAnotherShapeLeaveTheServerTimeUnknown() throws Exception {
    // VictoriaMetrics answers with stats of its own ({"seriesFetched": "1"}), no timings.
    server.enqueue(json(answer(",\"stats\":{\"seriesFetched\":\"1\",\"executionTimeMsec\":3}")));
    server.enqueue(json(answer(",\"stats\":{\"timings\":{\"execTotalTime\":\"x\"}}")));
    server.enqueue(json(answer(",\"stats\":[1,2]")));
    Timings timings = Timings.recording();
    try (PrometheusClient client = new PrometheusClient(TestConfig.of(url()).build(), timings)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(1, client.query("up", TIME).series().size());
      }
    }
    assertEquals(3, timings.requests().size());
    timings.requests().forEach(r -> assertTrue(Double.isNaN(r.serverSeconds()), r.toString()));
  }

  @Test
  void aFailedAnswerIsNotRecorded() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "application/json")
            .body("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}")
            .build());
    Timings timings = Timings.recording();
    try (PrometheusClient client =
        new PrometheusClient(TestConfig.of(url()).withRetries(0).build(), timings)) {
      assertThrows(PrometheusApiException.class, () -> client.query("up(", TIME));
    }
    assertTrue(timings.requests().isEmpty());
  }
}
