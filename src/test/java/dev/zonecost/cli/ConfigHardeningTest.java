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
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19's config rows: a broken file, a value for one command only, precedence, masking. */
class ConfigHardeningTest {
  private static final Map<String, String> HOME = Map.of("HOME", "/nonexistent");
  @TempDir Path dir;

  private CliRun run(Map<String, String> env, String yaml, String... args) throws Exception {
    Files.writeString(dir.resolve("zonecost.yaml"), yaml);
    return CliRun.run(
        Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), env, dir, args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "--help", "report --help", "help check", "completion"})
  void should_show_help_and_version_despite_a_broken_config_file(String args) throws Exception {
    CliRun run = run(HOME, "since: [1h\n", args.split(" "));
    assertEquals(0, run.exitCode(), run.describe());
    assertFalse(run.out().isEmpty(), run.describe());
  }

  @Test
  void should_still_stop_a_command_on_a_broken_config_file_naming_file_and_line() throws Exception {
    CliRun run = run(HOME, "since: 1h\ntimeout: [2m\n", "query");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("zonecost.yaml:"), run.describe());
  }

  @Test
  void should_refuse_a_second_yaml_document() throws Exception {
    CliRun run = run(HOME, "since: 1h\n---\nsince: 2h\n", "query");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("zonecost.yaml:3: a second YAML document"), run.describe());
  }

  @Test
  void should_name_file_and_line_when_a_top_level_value_fits_report_but_not_check()
      throws Exception {
    String yaml = "since: 1h\noutput: wide\n";
    CliRun check = run(HOME, yaml, "check", "--prometheus-url", "http://127.0.0.1:1");
    assertEquals(2, check.exitCode(), check.describe());
    assertTrue(
        check.err().contains("zonecost.yaml:2: output: 'wide' is not one of table json"),
        check.describe());
    assertTrue(check.err().contains("for 'check'"), check.describe());
    CliRun doctor = run(HOME, yaml, "doctor", "--prometheus-url", "http://127.0.0.1:1");
    assertEquals(2, doctor.exitCode(), doctor.describe());
    assertTrue(doctor.err().contains("zonecost.yaml:2:"), doctor.describe());
    CliRun report = run(HOME, yaml, "config", "view", "--command", "report");
    assertEquals(0, report.exitCode(), report.describe());
    assertTrue(report.out().contains("output: wide  # zonecost.yaml:2"), report.describe());
  }

  @Test
  void should_let_the_token_in_the_environment_win_over_a_token_file_in_the_config()
      throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), "from-file");
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse.Builder()
                  .addHeader("Content-Type", "application/json")
                  .body(
                      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
                  .build();
            }
          });
      String url = server.url("/").newBuilder().host("127.0.0.1").build().toString();
      CliRun run =
          run(
              Map.of("HOME", "/nonexistent", "PROMETHEUS_BEARER_TOKEN", "from-env"),
              "bearer-token-file: " + tokenFile + "\n",
              "doctor",
              "--prometheus-url",
              url,
              "--retries",
              "0");
      RecordedRequest first = server.takeRequest();
      assertEquals("Bearer from-env", first.getHeaders().get("Authorization"), run.describe());
    }
    CliRun view =
        run(
            Map.of("HOME", "/nonexistent", "PROMETHEUS_BEARER_TOKEN", "from-env"),
            "bearer-token-file: " + tokenFile + "\n",
            "config",
            "view");
    assertTrue(
        view.out().contains("bearer-token-file: set  # env PROMETHEUS_BEARER_TOKEN"),
        view.describe());
  }

  @Test
  void should_mask_the_password_of_a_url_in_config_view() throws Exception {
    CliRun view =
        run(HOME, "prometheus-url: http://alice:s3cret-pw@prom:9090/\n", "config", "view");
    assertEquals(0, view.exitCode(), view.describe());
    assertFalse(view.out().contains("s3cret-pw"), view.describe());
    assertTrue(
        view.out().contains("prometheus-url: http://alice:****@prom:9090/"), view.describe());
  }
}
