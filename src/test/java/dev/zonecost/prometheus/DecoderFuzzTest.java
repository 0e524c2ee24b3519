package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random mutations of a real answer, over HTTP: each is either refused with a back-end error
 * (exit 4) or decoded to exactly what an independent reading of the mutated JSON says.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DecoderFuzzTest {
  private static final long SEED = 19L;
  private static final int CASES = 250;
  private static final Instant NOW = Instant.parse("2026-11-01T02:00:00Z");
  private static final String REAL =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          + "{\"metric\":{\"direction\":\"EGRESS\",\"source_podname\":\"client-6d4cf56db6-abcde\","
          + "\"destination_podname\":\"server-0\",\"instance\":\"node-a\"},"
          + "\"value\":[1762041600.123,\"123456789\"]},"
          + "{\"metric\":{\"direction\":\"INGRESS\",\"source_podname\":\"server-0\"},"
          + "\"value\":[1762041600,\"42\"]}]}}";
  private static final String[] TOKENS = {
    "{", "}", "[", "]", "\"", ",", ":", "null", "NaN", "\"+Inf\"", "-1", "1e400", "\"x\"", "0"
  };

  private MockWebServer server;
  private PrometheusClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client =
        new PrometheusClient(
            TestConfig.of(server.url("/").newBuilder().host("127.0.0.1").build())
                .withRetries(0)
                .build(),
            millis -> {});
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static String mutate(Random r, String body) {
    StringBuilder sb = new StringBuilder(body);
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits && sb.length() > 0; i++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(4)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
        case 2 -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
        default -> sb.setLength(at); // truncated
      }
    }
    return sb.toString();
  }

  /** The answer as plain Jackson reads it: labels and (millis, value) per series. */
  static List<String> reference(String body) throws IOException, BadEnvelopeException {
    JsonNode root = new ObjectMapper().readTree(body);
    List<String> out = new ArrayList<>();
    for (JsonNode s : root.path("data").path("result")) {
      Map<String, String> labels = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = s.path("metric").fields(); it.hasNext(); ) {
        var e = it.next();
        labels.put(e.getKey(), e.getValue().asText());
      }
      JsonNode v = s.path("value");
      long millis =
          v.get(0)
              .decimalValue()
              .movePointRight(3)
              .setScale(0, java.math.RoundingMode.HALF_UP)
              .longValueExact();
      out.add(labels + "@" + millis + "=" + SeriesDecoder.parseValue(v.get(1).asText()));
    }
    return out;
  }

  @Test
  void should_refuse_or_decode_exactly_every_mutation_of_a_real_answer() throws Exception {
    Random r = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      String body = i == 0 ? REAL : mutate(r, REAL);
      server.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body(new okio.Buffer().write(ByteString.encodeUtf8(body)))
              .build());
      List<String> got = new ArrayList<>();
      try {
        client.query(
            "x",
            NOW,
            s -> {
              if (s.samples().size() == 1) {
                Sample p = s.samples().get(0);
                got.add(s.labels() + "@" + p.timestampMillis() + "=" + p.value());
              }
            });
      } catch (BackendException refused) {
        continue; // exit 4
      } catch (RuntimeException e) {
        fail("seed " + SEED + " case " + i + ": " + e + " on " + body, e);
      }
      try {
        assertEquals(reference(body), got, "seed " + SEED + " case " + i + ": " + body);
      } catch (IOException | BadEnvelopeException | RuntimeException e) {
        fail("seed " + SEED + " case " + i + ": accepted what Jackson cannot read: " + body, e);
      }
    }
    assertEquals(CASES, server.getRequestCount());
  }
}
