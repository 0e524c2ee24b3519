package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Black-box: bad input and a misbehaving back end each get one line, an exit code, no file. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReportCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);
  private MockWebServer server;
  @TempDir Path tmp;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Answers every query with the same response; buildinfo with 404 (not served). */
  private void answerQueries(MockResponse response) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().endsWith("/status/buildinfo")) {
              return new MockResponse.Builder().code(404).body("404 page not found").build();
            }
            return response;
          }
        });
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private CliRun report(String... extra) {
    String[] base = {"report", "--prometheus-url", url(), "--since", "2h", "--retries", "0"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.run(CLOCK, args);
  }

  private static void assertOneLine(CliRun run, int code, String contains) {
    assertEquals(code, run.exitCode(), run.describe());
    assertTrue(run.err().contains(contains), run.describe());
    assertFalse(run.err().contains("\tat "), "no stack trace without --verbose\n" + run.describe());
    assertEquals("", run.out(), "no data on stdout\n" + run.describe());
  }

  @Test
  void should_suggest_the_flag_meant_for_a_mistyped_one_and_exit_2() {
    CliRun run = CliRun.run(CLOCK, "report", "--prometheus-ur", "http://127.0.0.1:1");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("'--prometheus-ur'"), run.describe());
    assertTrue(run.err().contains("--prometheus-url"), run.describe());
    assertTrue(run.err().lines().count() <= 4, "short, not the whole usage\n" + run.describe());
  }

  @Test
  void should_refuse_an_end_before_the_start_with_exit_2() {
    CliRun run =
        CliRun.run(
            CLOCK,
            "report",
            "--prometheus-url",
            url(),
            "--start",
            "2026-11-01T02:00:00Z",
            "--end",
            "2026-11-01T01:00:00Z");
    assertOneLine(run, 2, "the window is empty");
    assertEquals(0, server.getRequestCount(), "nothing sent");
  }

  @Test
  void should_refuse_a_malformed_duration_with_exit_2() {
    assertOneLine(
        CliRun.run(CLOCK, "report", "--prometheus-url", url(), "--since", "2 hours"),
        2,
        "is not a duration");
  }

  @Test
  void should_ask_for_a_prometheus_url_when_there_is_none() {
    CliRun run = CliRun.run(CLOCK, "report", "--prometheus-url", "");
    assertOneLine(run, 2, "--prometheus-url");
  }

  @Test
  void should_say_in_one_line_that_prometheus_cannot_be_reached_and_exit_4() {
    int port = server.getPort();
    server.close();
    CliRun run =
        CliRun.run(
            CLOCK, "report", "--prometheus-url", "http://127.0.0.1:" + port, "--retries", "0");
    assertOneLine(run, 4, "cannot connect to http://127.0.0.1:" + port);
    assertEquals(1, run.err().lines().count(), run.describe());
  }

  @Test
  void should_pass_on_the_servers_own_error_message_and_exit_4() {
    answerQueries(
        json(
            422,
            "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query processing would load too many samples into memory\"}"));
    assertOneLine(report(), 4, "query processing would load too many samples into memory");
  }

  @Test
  void should_reject_a_body_that_is_not_the_prometheus_api_and_exit_4() {
    answerQueries(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/html")
            .body("<html><body>Sign in</body></html>")
            .build());
    assertOneLine(report(), 4, "zonecost:");
  }

  @Test
  void should_exit_5_and_leave_an_existing_output_file_untouched_when_nothing_matched()
      throws Exception {
    answerQueries(
        json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    Path file = tmp.resolve("traffic.csv");
    Files.writeString(file, "yesterday's report\n");
    CliRun run = report("-o", "csv", "--output-file", file.toString());
    assertOneLine(run, 5, "no Retina traffic matched");
    assertEquals("yesterday's report\n", Files.readString(file));
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void should_print_the_stack_trace_only_with_verbose() {
    answerQueries(
        json(200, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}"));
    CliRun run = report("--verbose");
    assertEquals(4, run.exitCode(), run.describe());
    assertTrue(run.err().contains("\tat "), run.describe());
    assertTrue(
        run.err().contains("zonecost: the query was: ") && run.err().contains("_over_time("),
        "the failing PromQL is shown with --verbose\n" + run.describe());
  }

  /** Buildinfo is not served here, so ranges are taken as left-open and lengthened by 1 ms. */
  @Test
  void should_send_the_window_bytes_query_as_a_form_post_at_the_windows_end() throws Exception {
    answerQueries(
        json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    report();
    boolean found = false;
    for (int i = 0; i < server.getRequestCount(); i++) {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r.getMethod().equals("POST")) {
        assertEquals(
            "application/x-www-form-urlencoded", r.getHeaders().get("Content-Type").split(";")[0]);
        String body =
            java.net.URLDecoder.decode(r.getBody().utf8(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.contains("time=1793498400.000"), body);
        found |= body.contains("resets(networkobservability_adv_forward_bytes[7200001ms])");
      }
    }
    assertTrue(found, "the window-bytes query was sent");
  }
}
