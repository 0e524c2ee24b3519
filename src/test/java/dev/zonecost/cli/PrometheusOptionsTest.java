package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.prometheus.AuthSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The auth, header and Thanos options, end to end: flags and environment in, the exact request
 * headers and form out, and no secret in anything printed.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PrometheusOptionsTest {
  private static final Instant TIME = Instant.parse("2026-11-01T00:00:00Z");
  private static final String TOKEN = "tok-3f9a-SECRET";
  private static final String PASSWORD = "pw-77c1-SECRET";
  private static final String HEADER_SECRET = "hv-e02b-SECRET";

  /** Headers OkHttp adds on its own; everything else a request carries must be ours. */
  private static final Set<String> TRANSPORT =
      Set.of(
          "host", "connection", "accept-encoding", "user-agent", "content-type", "content-length");

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

  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    @Mixin PrometheusOptions prometheus = new PrometheusOptions();
    @Mixin VerboseOption verbose = new VerboseOption();
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    Environment env = Environment.of(Map.of());

    @Override
    public Integer call() {
      try (var client = prometheus.client(env, spec.commandLine().getErr(), verbose.verbose)) {
        client.query("up", TIME);
      }
      return 0;
    }
  }

  record Run(int exitCode, String out, String err) {
    String all() {
      return out + "\n" + err;
    }
  }

  private String url() {
    return server.url("/").newBuilder().host("127.0.0.1").build().toString();
  }

  private Run probe(Map<String, String> env, String... args) {
    Probe probe = new Probe();
    probe.env = Environment.of(env);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(probe).setExecutionExceptionHandler(new ErrorHandler());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--prometheus-url")) {
      all.addAll(0, List.of("--prometheus-url", url()));
    }
    int code = cl.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static MockResponse vector(String extra) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(
            "{\"status\":\"success\""
                + extra
                + ",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
        .build();
  }

  /** The headers we chose to send, names lower-cased, transport headers left out. */
  private static Map<String, String> ours(Headers headers) {
    Map<String, String> out = new TreeMap<>();
    for (String name : headers.names()) {
      String key = name.toLowerCase(Locale.ROOT);
      if (!TRANSPORT.contains(key)) {
        assertEquals(1, headers.values(name).size(), "header " + name + " sent once");
        out.put(key, headers.get(name));
      }
    }
    return out;
  }

  private RecordedRequest sentWith(Map<String, String> env, String... args) throws Exception {
    server.enqueue(vector(""));
    Run run = probe(env, args);
    assertEquals(0, run.exitCode(), run.toString());
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  // --- each auth mode sends exactly its headers ---

  @Test
  void should_send_no_auth_header_without_auth_options() throws Exception {
    RecordedRequest r = sentWith(Map.of());
    assertEquals(Map.of("accept", "application/json"), ours(r.getHeaders()));
  }

  @Test
  void should_send_the_bearer_token_from_the_file_without_its_newline() throws Exception {
    Path token = file("token", TOKEN + "\n");
    RecordedRequest r = sentWith(Map.of(), "--bearer-token-file", token.toString());
    assertEquals(
        Map.of("accept", "application/json", "authorization", "Bearer " + TOKEN),
        ours(r.getHeaders()));
  }

  @Test
  void should_send_the_bearer_token_from_the_environment() throws Exception {
    RecordedRequest r = sentWith(Map.of(AuthSettings.TOKEN_ENV, TOKEN));
    assertEquals("Bearer " + TOKEN, ours(r.getHeaders()).get("authorization"));
  }

  @Test
  void should_prefer_the_token_file_to_the_environment() throws Exception {
    Path token = file("token", TOKEN);
    RecordedRequest r =
        sentWith(
            Map.of(AuthSettings.TOKEN_ENV, "from-env"), "--bearer-token-file", token.toString());
    assertEquals("Bearer " + TOKEN, ours(r.getHeaders()).get("authorization"));
  }

  @Test
  void should_send_basic_auth_with_the_password_from_the_file() throws Exception {
    Path password = file("password", PASSWORD + "\n");
    RecordedRequest r =
        sentWith(
            Map.of(),
            "--basic-auth-user",
            "grafana-123",
            "--basic-auth-password-file",
            password.toString());
    assertEquals(
        Map.of("accept", "application/json", "authorization", basic("grafana-123", PASSWORD)),
        ours(r.getHeaders()));
  }

  @Test
  void should_send_basic_auth_with_the_password_from_the_environment_over_a_token_there()
      throws Exception {
    RecordedRequest r =
        sentWith(
            Map.of(AuthSettings.PASSWORD_ENV, PASSWORD, AuthSettings.TOKEN_ENV, TOKEN),
            "--basic-auth-user",
            "u");
    assertEquals(basic("u", PASSWORD), ours(r.getHeaders()).get("authorization"));
  }

  @Test
  void should_send_the_tenant_and_every_extra_header() throws Exception {
    RecordedRequest r =
        sentWith(
            Map.of(),
            "--tenant",
            "team-a|team-b",
            "--header",
            "X-Api-Key: " + HEADER_SECRET,
            "--header",
            "X-Other:v:with:colons");
    assertEquals(
        Map.of(
            "accept", "application/json",
            "x-scope-orgid", "team-a|team-b",
            "x-api-key", HEADER_SECRET,
            "x-other", "v:with:colons"),
        ours(r.getHeaders()));
  }

  @Test
  void should_send_partial_response_false_unless_partial_answers_are_allowed() throws Exception {
    RecordedRequest strict = sentWith(Map.of());
    assertTrue(strict.getBody().utf8().contains("partial_response=false"), strict.getBody().utf8());
    RecordedRequest partial = sentWith(Map.of(), "--allow-partial");
    assertFalse(partial.getBody().utf8().contains("partial_response"), partial.getBody().utf8());
  }

  // --- usage errors ---

  @Test
  void should_refuse_two_sources_for_one_header() throws Exception {
    Path token = file("token", TOKEN);
    Path password = file("password", PASSWORD);
    assertUsage(
        "header Authorization is set twice",
        probe(
            Map.of(),
            "--bearer-token-file",
            token.toString(),
            "--basic-auth-user",
            "u",
            "--basic-auth-password-file",
            password.toString()));
    assertUsage(
        "set twice",
        probe(Map.of(), "--tenant", "a", "--header", "x-scope-orgid: " + HEADER_SECRET));
  }

  @Test
  void should_name_a_missing_secret_file_without_reading_anything() {
    Path missing = tmp.resolve("no-such-token");
    Run run = probe(Map.of(), "--bearer-token-file", missing.toString());
    assertUsage("--bearer-token-file " + missing + " does not exist", run);
    assertEquals(0, server.getRequestCount(), "nothing sent");
  }

  @Test
  void should_name_an_empty_or_unreadable_file_but_never_its_content() throws Exception {
    assertUsage("is empty", probe(Map.of(), "--bearer-token-file", file("empty", "\n").toString()));
    assertUsage("is a directory", probe(Map.of(), "--bearer-token-file", tmp.toString()));
    Path locked = file("locked", TOKEN);
    if (locked.toFile().setReadable(false) && !Files.isReadable(locked)) { // not as root
      Run run = probe(Map.of(), "--bearer-token-file", locked.toString());
      assertUsage("cannot be read", run);
    }
    Path notPem = file("ca.pem", PASSWORD);
    Run run =
        probe(Map.of(), "--prometheus-url", "https://127.0.0.1:1/", "--ca-file", notPem.toString());
    assertUsage("--ca-file " + notPem, run);
    assertFalse(run.all().contains(PASSWORD), run.all());
  }

  @Test
  void should_need_a_password_for_basic_auth_and_a_user_for_a_password_file() throws Exception {
    assertUsage("needs a password", probe(Map.of(), "--basic-auth-user", "u"));
    assertUsage(
        "needs --basic-auth-user",
        probe(Map.of(), "--basic-auth-password-file", file("p", PASSWORD).toString()));
  }

  @Test
  void should_not_echo_a_header_without_a_name() {
    Run run = probe(Map.of(), "--header", HEADER_SECRET);
    assertUsage("--header takes 'Name: value'", run);
    assertFalse(run.all().contains(HEADER_SECRET), run.all());
  }

  @Test
  void should_refuse_a_header_value_http_does_not_allow_without_echoing_it() {
    Run run = probe(Map.of(), "--header", "X-Key: " + HEADER_SECRET + "\u0007");
    assertUsage("header 'X-Key'", run);
    assertFalse(run.all().contains(HEADER_SECRET), run.all());
  }

  private static void assertUsage(String expected, Run run) {
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains(expected), "stderr should say '" + expected + "': " + run);
  }

  // --- secrets never printed ---

  @Test
  void should_keep_every_secret_out_of_verbose_output_errors_and_stack_traces() throws Exception {
    Path token = file("token", TOKEN);
    server.enqueue(new MockResponse.Builder().code(401).body("denied").build());
    Run run =
        probe(
            Map.of(AuthSettings.PASSWORD_ENV, PASSWORD),
            "--verbose",
            "--bearer-token-file",
            token.toString(),
            "--header",
            "X-Api-Key: " + HEADER_SECRET,
            "--retries",
            "0");
    assertEquals(ExitCodes.BACKEND, run.exitCode(), run.toString());
    assertTrue(run.err().contains("refused the credentials"), run.err());
    assertTrue(run.err().contains("extraHeaders=[X-Api-Key, Authorization]"), run.err());
    assertTrue(run.err().contains("at dev.zonecost"), "a stack trace with --verbose: " + run);
    for (String secret : List.of(TOKEN, PASSWORD, HEADER_SECRET)) {
      assertFalse(run.all().contains(secret), secret + " printed:\n" + run.all());
    }
    assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void should_keep_secrets_out_of_a_full_report_run_with_verbose() throws Exception {
    Path token = file("token", TOKEN);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return vector(",\"warnings\":[\"w\"]");
          }
        });
    CliRun run =
        CliRun.run(
            Clock.fixed(TIME, ZoneOffset.UTC),
            "report",
            "--verbose",
            "--prometheus-url",
            url(),
            "--bearer-token-file",
            token.toString(),
            "--header",
            "X-Api-Key: " + HEADER_SECRET,
            "--since",
            "1h");
    assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.describe());
    assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN), run.describe());
    assertFalse(
        run.out().contains(HEADER_SECRET) || run.err().contains(HEADER_SECRET), run.describe());
    assertTrue(server.getRequestCount() >= 7, "buildinfo and the six queries were sent");
    for (int i = 0; i < server.getRequestCount(); i++) {
      Headers h = server.takeRequest(1, TimeUnit.SECONDS).getHeaders();
      assertEquals("Bearer " + TOKEN, h.get("Authorization"));
      assertEquals(HEADER_SECRET, h.get("X-Api-Key"));
    }
  }

  // --- warnings and infos ---

  @Test
  void should_print_each_warning_once_on_stderr_and_infos_only_with_verbose() throws Exception {
    String body =
        ",\"warnings\":[\"store a unreachable\",\"line one\\nline two\"],"
            + "\"infos\":[\"PromQL info: metric might not be a counter\"]";
    server.enqueue(vector(body));
    Run quiet = probe(Map.of());
    assertEquals(0, quiet.exitCode(), quiet.toString());
    assertEquals(
        StderrWarnings.WARNING_PREFIX
            + "store a unreachable\n"
            + StderrWarnings.WARNING_PREFIX
            + "line one line two\n",
        quiet.err());
    assertEquals("", quiet.out(), "nothing on stdout");

    server.enqueue(vector(body));
    Run verbose = probe(Map.of(), "--verbose");
    assertTrue(
        verbose
            .err()
            .contains(StderrWarnings.INFO_PREFIX + "PromQL info: metric might not be a counter\n"),
        verbose.err());
  }

  @Test
  void should_print_a_warning_repeated_by_every_query_of_a_report_once() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return vector(",\"warnings\":[\"partial: store b down\"]");
          }
        });
    CliRun run =
        CliRun.run(
            Clock.fixed(TIME, ZoneOffset.UTC),
            "report",
            "--prometheus-url",
            url(),
            "--since",
            "1h");
    assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.describe());
    long lines =
        run.err()
            .lines()
            .filter(l -> l.equals(StderrWarnings.WARNING_PREFIX + "partial: store b down"))
            .count();
    assertEquals(1, lines, run.describe());
  }

  @Test
  void should_not_build_a_client_without_a_url() {
    assertUsage("no Prometheus to ask", probe(Map.of(), "--prometheus-url", ""));
  }
}
