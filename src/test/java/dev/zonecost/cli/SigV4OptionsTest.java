package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.prometheus.PrometheusConfig;
import dev.zonecost.prometheus.SigV4Verifier;
import dev.zonecost.prometheus.SigV4Verifier.Authorization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * --sigv4 from the command line. Every run injects its credentials provider, so the SDK's default
 * chain (and the instance-metadata address) is never consulted.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SigV4OptionsTest {
  private static final Instant TIME = Instant.parse("2026-11-01T00:00:00Z");
  private static final String ACCESS_KEY = "AKIDEXAMPLE";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLE-SESSION-TOKEN";
  private static final AwsCredentialsProvider KEYS =
      () -> AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN);

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
    return server.url("/workspaces/ws-1/").newBuilder().host("127.0.0.1").build().toString();
  }

  private Run probe(Map<String, String> env, AwsCredentialsProvider keys, String... args) {
    Probe probe = new Probe();
    probe.env = new Environment(env, keys, Clock.fixed(TIME, ZoneOffset.UTC));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(probe).setExecutionExceptionHandler(new ErrorHandler());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--prometheus-url")) {
      all.addAll(0, List.of("--prometheus-url", url()));
    }
    return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  /** The options as parsed, without running anything. */
  private static PrometheusConfig config(Map<String, String> env, String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    Environment environment = new Environment(env, KEYS, null);
    return probe
        .prometheus
        .settings(environment)
        .config(environment.variables(), dev.zonecost.prometheus.WarningSink.NONE);
  }

  private static MockResponse vector() {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
        .build();
  }

  private static void assertUsage(String expected, Run run) {
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains(expected), run.err());
  }

  @Test
  void should_sign_with_the_given_region_and_keep_secrets_out_of_verbose_output() throws Exception {
    server.enqueue(vector());
    Run run =
        probe(
            Map.of("PROMETHEUS_BEARER_TOKEN", "env-token-ignored"),
            KEYS,
            "--sigv4",
            "--aws-region",
            "us-east-1",
            "--verbose");

    assertEquals(0, run.exitCode(), run.toString());
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    String authorization = r.getHeaders().get("Authorization");
    assertTrue(
        authorization.startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261101/us-east-1/aps/aws4_request,"),
        authorization);
    assertEquals("20261101T000000Z", r.getHeaders().get("X-Amz-Date"));
    assertEquals(SESSION_TOKEN, r.getHeaders().get("X-Amz-Security-Token"));
    byte[] body = r.getBody().toByteArray();
    String signature = Authorization.parse(authorization).signature();
    assertEquals(signature, SigV4Verifier.expectedSignature(r, body, SECRET_KEY));

    assertTrue(run.err().contains("sigv4(region=us-east-1, service=aps)"), run.err());
    for (String secret : List.of(SECRET_KEY, SESSION_TOKEN, signature, "env-token-ignored")) {
      assertFalse(run.all().contains(secret), secret + " printed:\n" + run.all());
    }
  }

  @Test
  void should_take_the_region_from_an_amp_url_then_the_flag_then_aws_region() {
    String amp = "https://aps-workspaces.eu-central-1.amazonaws.com/workspaces/ws-1/";
    assertEquals(
        "eu-central-1",
        config(Map.of("AWS_REGION", "us-west-2"), "--prometheus-url", amp, "--sigv4")
            .sigv4()
            .region());
    assertEquals(
        "ap-south-1",
        config(Map.of(), "--prometheus-url", amp, "--sigv4", "--aws-region", "ap-south-1")
            .sigv4()
            .region());
    PrometheusConfig proxied =
        config(Map.of("AWS_REGION", "us-west-2"), "--prometheus-url", url(), "--sigv4");
    assertEquals("us-west-2", proxied.sigv4().region());
    assertEquals("aps", proxied.sigv4().service());
    assertEquals(
        "execute-api",
        config(Map.of(), "--prometheus-url", amp, "--sigv4", "--aws-service", "execute-api")
            .sigv4()
            .service());
    assertNull(config(Map.of(), "--prometheus-url", url()).sigv4());
  }

  @Test
  void should_ask_for_a_region_it_cannot_find() {
    Run run = probe(Map.of(), KEYS, "--sigv4");
    assertUsage("--sigv4 needs the workspace's region: pass --aws-region REGION", run);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void should_refuse_sigv4_with_another_authorization() throws Exception {
    Path token = Files.writeString(tmp.resolve("token"), "tok");
    assertUsage(
        "--sigv4 and --bearer-token-file both set Authorization",
        probe(
            Map.of(),
            KEYS,
            "--sigv4",
            "--aws-region",
            "us-east-1",
            "--bearer-token-file",
            token.toString()));
    assertUsage(
        "--sigv4 and --basic-auth-user both set Authorization",
        probe(
            Map.of("PROMETHEUS_BASIC_AUTH_PASSWORD", "pw"),
            KEYS,
            "--sigv4",
            "--aws-region",
            "us-east-1",
            "--basic-auth-user",
            "u"));
    assertUsage(
        "--sigv4 sets authorization itself",
        probe(
            Map.of(),
            KEYS,
            "--sigv4",
            "--aws-region",
            "us-east-1",
            "--header",
            "Authorization: x"));
    assertUsage(
        "--aws-region and --aws-service need --sigv4",
        probe(Map.of(), KEYS, "--aws-region", "us-east-1"));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void should_say_in_one_line_that_there_are_no_credentials() {
    AwsCredentialsProvider none =
        () -> {
          throw SdkClientException.create("Unable to load credentials from any provider");
        };
    Run run = probe(Map.of(), none, "--sigv4", "--aws-region", "us-east-1");

    assertEquals(ExitCodes.BACKEND, run.exitCode(), run.toString());
    assertEquals(
        "zonecost: no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
            + " AWS_PROFILE, or run with an IAM role",
        run.err().strip());
    assertEquals(0, server.getRequestCount());
  }
}
