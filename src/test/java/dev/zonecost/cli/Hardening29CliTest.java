package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
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

/** Issue 29's rows seen from the command line: one line and the documented exit code each. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Hardening29CliTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);
  @TempDir Path tmp;
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

  private String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  static void assertOneLine(CliRun run, int code, String contains) {
    assertEquals(code, run.exitCode(), run.describe());
    assertEquals(1, run.err().strip().lines().count(), "one line\n" + run.describe());
    assertTrue(run.err().contains(contains), run.describe());
    assertFalse(run.err().contains("Exception"), run.describe());
  }

  private CliRun runIn(Path dir, String... args) {
    return CliRun.run(CLOCK, Map.of("HOME", "/nonexistent-home"), dir, args);
  }

  private void answerAlways(String body) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .chunkedBody(body, 4096)
                .build();
          }
        });
  }

  /** An answer of {@code n} distinct series. */
  static String vector(int n) {
    StringBuilder s =
        new StringBuilder(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : ",")
          .append("{\"metric\":{\"pod\":\"p")
          .append(i)
          .append("\"},\"value\":[1,\"1\"]}");
    }
    return s.append("]}}").toString();
  }

  @Test
  void should_end_with_exit_4_naming_the_response_cap() {
    answerAlways(vector(2000));
    CliRun run =
        CliRun.run(
            CLOCK,
            "report",
            "--prometheus-url",
            url(),
            "--retries",
            "0",
            "--max-response-bytes",
            "16KiB");
    assertOneLine(run, 4, "larger than --max-response-bytes (16384 bytes)");
  }

  @Test
  void should_take_the_response_cap_from_the_config_file_and_check_it() throws IOException {
    Files.writeString(tmp.resolve("zonecost.yaml"), "retries: 0\nmax-response-bytes: lots\n");
    CliRun run = runIn(tmp, "report", "--prometheus-url", url());
    assertOneLine(run, 2, "zonecost.yaml:2");
    assertTrue(run.err().contains("a size"), run.describe());
    Files.writeString(tmp.resolve("zonecost.yaml"), "retries: 0\nmax-response-bytes: 2KiB\n");
    answerAlways(vector(200));
    assertOneLine(runIn(tmp, "report", "--prometheus-url", url()), 4, "(2048 bytes)");
  }

  @Test
  void should_refuse_a_yaml_alias_naming_file_and_line() throws IOException {
    Files.writeString(
        tmp.resolve("zonecost.yaml"), "from-namespace: &ns shop\nretries: 0\nto-namespace: *ns\n");
    CliRun run = runIn(tmp, "report", "--prometheus-url", url());
    assertOneLine(run, 2, "zonecost.yaml:3: to-namespace: a YAML alias (*ns) is not read");
    assertEquals(0, server.getRequestCount(), "nothing was sent");
  }

  @Test
  void should_refuse_a_huge_config_file_before_reading_it() throws IOException {
    Path big = tmp.resolve("big.yaml");
    Files.writeString(big, "# " + "x".repeat(5 << 20) + "\nretries: 0\n");
    long t0 = System.nanoTime();
    CliRun run = CliRun.run(CLOCK, "report", "--config", big.toString(), "--prometheus-url", url());
    assertOneLine(run, 2, "is 5242894 bytes; a config file is at most 1048576 bytes");
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "refused quickly");
  }

  @Test
  void should_refuse_rules_values_promtool_would_refuse() throws IOException {
    Path out = tmp.resolve("rules.yml");
    assertOneLine(
        CliRun.run(CLOCK, "rules", "--jump-factor", "1e400", "--output-file", out.toString()),
        2,
        "--jump-factor must be more than 1 and at most 1000.0, not Infinity");
    assertOneLine(
        CliRun.run(
            CLOCK,
            "rules",
            "--prometheus-rule",
            "--name",
            "zone\ncost",
            "--output-file",
            out.toString()),
        2,
        "--name 'zone\\ncost' is not a Kubernetes resource name");
    Path book = tmp.resolve("book.yaml");
    Files.writeString(
        book,
        "providers:\n  mine:\n    currency: \"{{ $labels.secret }}\"\n    unit: GB\n"
            + "    sourcePerUnit: 0.01\n    destinationPerUnit: 0.01\n");
    CliRun run =
        CliRun.run(
            CLOCK,
            "rules",
            "--pricing",
            book.toString(),
            "--cloud",
            "mine",
            "--output-file",
            out.toString());
    assertOneLine(run, 2, "an ISO 4217 currency code");
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void should_word_file_and_value_problems_in_one_plain_line() throws IOException {
    assertOneLine(
        CliRun.run(CLOCK, "report", "--prometheus-url", url(), "--compare-to", "./old.json"),
        2,
        "--compare-to ./old.json: no such file");
    assertOneLine(
        CliRun.run(CLOCK, "report", "--prometheus-url", url(), "--compare-to", "saved/report"),
        2,
        "--compare-to saved/report: no such file");
    Path missing = tmp.resolve("svc.json");
    CliRun run =
        CliRun.run(
            CLOCK, "advise", "--prometheus-url", url(), "--services-file", missing.toString());
    assertOneLine(run, 2, "--services-file " + missing + ": no such file");
    Path latin1 = tmp.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'});
    run =
        CliRun.run(
            CLOCK, "advise", "--prometheus-url", url(), "--services-file", latin1.toString());
    assertOneLine(run, 2, "not UTF-8 text");
    assertFalse(run.err().contains("Input length"), run.describe());
    assertOneLine(
        CliRun.run(CLOCK, "check", "--prometheus-url", url(), "--max-cross-zone-bytes", "1.5"),
        2,
        "'1.5' is not a whole number of bytes");
    assertEquals(0, server.getRequestCount(), "nothing was sent");
  }
}
