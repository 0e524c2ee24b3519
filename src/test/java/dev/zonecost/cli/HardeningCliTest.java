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
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The low rows of issue 19: odd values refused in one line with exit 2, before any request. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HardeningCliTest {
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

  private static void assertUsage(CliRun run, String contains) {
    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(1, run.err().strip().lines().count(), "one line\n" + run.describe());
    assertTrue(run.err().contains(contains), run.describe());
    assertFalse(run.err().contains("Exception"), run.describe());
  }

  @Test
  void should_cap_the_number_of_raw_sample_chunks_before_sending_anything() {
    CliRun run =
        CliRun.run(
            CLOCK,
            "report",
            "--prometheus-url",
            url(),
            "--since",
            "2h",
            "--max-points",
            "2",
            "--scrape-interval",
            "1ms");
    assertUsage(run, "this window could need 7200000 requests (at most 10000)");
    assertEquals(0, server.getRequestCount(), "nothing was sent");
  }

  @Test
  void should_refuse_a_huge_pricing_file_before_parsing_it() throws IOException {
    Path big = tmp.resolve("big.yaml");
    Files.writeString(big, "providers:\n  x:\n    note: \"" + "a".repeat(20 << 20) + "\"\n");
    long t0 = System.nanoTime();
    CliRun run =
        CliRun.run(CLOCK, "report", "--prometheus-url", url(), "--pricing", big.toString());
    assertUsage(run, "a price book is at most 1048576 bytes");
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "refused quickly");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: 5",
        "Host: evil.example",
        "Transfer-Encoding: chunked",
        "connection: close"
      })
  void should_refuse_headers_http_reserves(String header) {
    CliRun run =
        CliRun.run(
            CLOCK, "report", "--prometheus-url", url(), "--retries", "0", "--header", header);
    assertUsage(run, "it cannot be sent as a header");
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void should_refuse_a_check_without_anything_to_check_unless_allowed() {
    CliRun run = CliRun.run(CLOCK, "check", "--prometheus-url", url(), "--retries", "0");
    assertUsage(run, "check has nothing to check");
    assertEquals(0, server.getRequestCount());
    CliRun allowed =
        CliRun.run(
            CLOCK,
            "check",
            "--prometheus-url",
            "http://127.0.0.1:1",
            "--retries",
            "0",
            "--allow-empty");
    assertEquals(4, allowed.exitCode(), "went on to query: " + allowed.describe());
  }

  @Test
  void should_name_a_missing_baseline_plainly() {
    Path missing = tmp.resolve("base.json");
    CliRun run =
        CliRun.run(CLOCK, "check", "--prometheus-url", url(), "--baseline", missing.toString());
    assertUsage(run, "baseline " + missing + " does not exist");
  }

  @ParameterizedTest
  @ValueSource(strings = {"7m", "7s", "1ms"})
  void should_refuse_a_simulate_scrape_interval_it_cannot_use(String interval) {
    CliRun run =
        CliRun.run(
            CLOCK,
            "simulate",
            "--scenario",
            "seed",
            "--out-dir",
            tmp.resolve("out").toString(),
            "--scrape-interval",
            interval);
    assertUsage(run, "scrape interval");
    assertFalse(Files.exists(tmp.resolve("out").resolve("cluster.om")), run.describe());
  }
}
