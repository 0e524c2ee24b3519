package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Over HTTP: the raw samples of a reset series are requested in chunks that tile the window and its
 * lookback (nothing read twice but the shared boundary, nothing missed), never more than
 * --parallelism requests at once, and one failed chunk fails the run.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChunkedReadTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final String SERIES =
      "{\"direction\":\"EGRESS\",\"instance\":\"retina-a\",\"source_namespace\":\"a\","
          + "\"source_podname\":\"p\",\"destination_namespace\":\"b\",\"destination_podname\":\"q\"}";
  private MockWebServer server;
  private final List<long[]> rawRanges = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile boolean failOneChunk;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
              Thread.sleep(30);
              return answer(r);
            } finally {
              inFlight.decrementAndGet();
            }
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private MockResponse answer(RecordedRequest r) {
    if (r.getUrl().encodedPath().endsWith("buildinfo")) {
      return json("{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\"}}");
    }
    String form = URLDecoder.decode(r.getBody().utf8(), StandardCharsets.UTF_8);
    String query = form.replaceAll("(?s).*query=(.*?)(&time=.*|$)", "$1");
    long time =
        new BigDecimal(form.replaceAll("(?s).*time=([0-9.]+).*", "$1"))
            .movePointRight(3)
            .longValue();
    if (query.startsWith("resets(")) {
      return json(vector("[" + time / 1000 + ",\"1\"]"));
    }
    if (query.startsWith("last_over_time(networkobservability") && !query.contains(" unless ")) {
      return json(vector("[" + time / 1000 + ",\"96\"]"));
    }
    if (query.startsWith("networkobservability_adv_forward_bytes")) {
      Matcher m = Pattern.compile("\\[(\\d+)s]$").matcher(query);
      assertTrue(m.find(), query);
      long from = time - Long.parseLong(m.group(1)) * 1000;
      if (query.contains("{")) {
        // a read by name (the agent's first scrapes, read without matchers, are not counted)
        rawRanges.add(new long[] {from, time});
      }
      if (failOneChunk && rawRanges.size() == 2) {
        return new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "application/json")
            .body("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"chunk refused\"}")
            .build();
      }
      StringBuilder values = new StringBuilder();
      for (long t = (from + 59_999) / 60_000 * 60_000; t <= time; t += 60_000) {
        values
            .append(values.length() == 0 ? "" : ",")
            .append("[")
            .append(t / 1000)
            .append(",\"")
            .append(t / 60_000 % 97)
            .append("\"]");
      }
      return json(
          "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
              + SERIES
              + ",\"values\":["
              + values
              + "]}]}}");
    }
    return json(vector(null));
  }

  private static String vector(String value) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + (value == null ? "" : "{\"metric\":" + SERIES + ",\"value\":" + value + "}")
        + "]}}";
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private CliRun report(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--prometheus-url",
                "http://127.0.0.1:" + server.getPort(),
                "--since",
                "2h",
                "--dedupe",
                "none",
                "-o",
                "csv",
                "--retries",
                "0"));
    args.addAll(List.of(extra));
    return CliRun.run(Clock.fixed(END, ZoneOffset.UTC), args.toArray(String[]::new));
  }

  @Test
  void should_tile_the_window_in_chunks_with_bounded_parallelism() {
    CliRun run = report("--max-points", "16", "--parallelism", "2");
    assertEquals(0, run.exitCode(), run.describe());
    List<long[]> ranges = new ArrayList<>(rawRanges);
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    assertEquals(8, ranges.size(), "120 minutes in chunks of 15: " + ranges.size());
    assertEquals(END.minusSeconds(2 * 3600).toEpochMilli(), ranges.get(0)[0]);
    assertEquals(END.toEpochMilli(), ranges.get(ranges.size() - 1)[1]);
    for (int i = 1; i < ranges.size(); i++) {
      assertEquals(ranges.get(i - 1)[1], ranges.get(i)[0], "chunks share only their boundary");
    }
    assertTrue(maxInFlight.get() <= 2, "at most --parallelism requests at once: " + maxInFlight);
    String chunked = run.out();

    rawRanges.clear();
    CliRun once = report();
    assertEquals(1, rawRanges.size());
    assertEquals(chunked, once.out(), "the same rows from one request as from nine");
  }

  @Test
  void should_fail_the_run_when_one_chunk_fails() {
    failOneChunk = true;
    CliRun run = report("--max-points", "16");
    assertEquals(4, run.exitCode(), run.describe());
    assertTrue(run.err().contains("chunk refused"), run.describe());
    assertEquals("", run.out(), "no partial totals");
  }
}
