package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.prometheus.SigV4Verifier.Authorization;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * SigV4 on the wire, with static keys only (the SDK's default chain, and so the instance-metadata
 * address, is never reached): the headers MockWebServer receives, and a signature recomputed
 * independently from the received method, path, headers and body bytes.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SigV4InterceptorTest {
  static final String ACCESS_KEY = "AKIDEXAMPLE";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE-SESSION-TOKEN";
  private static final Instant NOW = Instant.parse("2026-11-01T12:34:56Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String QUERY = "sum by (zone) (rate(bytes_total{job=\"a b\"}[5m])) + 1";

  private final List<PrometheusClient> clients = new ArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    clients.forEach(PrometheusClient::close);
    server.close();
  }

  /** Counts how often the keys were asked for. */
  private static final class CountingProvider implements AwsCredentialsProvider {
    final AtomicInteger calls = new AtomicInteger();
    final AwsCredentials credentials;

    CountingProvider(AwsCredentials credentials) {
      this.credentials = credentials;
    }

    @Override
    public AwsCredentials resolveCredentials() {
      calls.incrementAndGet();
      return credentials;
    }
  }

  private PrometheusClient client(AwsCredentialsProvider credentials, String... pathPrefix) {
    HttpUrl base =
        server
            .url(pathPrefix.length == 0 ? "/" : pathPrefix[0])
            .newBuilder()
            .host("127.0.0.1")
            .build();
    PrometheusConfig config =
        TestConfig.of(base)
            .withExtraHeaders(Map.of("X-Scope-OrgID", "team-a"))
            .withSigV4(new SigV4Settings("us-east-1", "aps", credentials, CLOCK))
            .build();
    PrometheusClient client = new PrometheusClient(config, millis -> {});
    clients.add(client);
    return client;
  }

  private static MockResponse vector() {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
        .build();
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private static byte[] body(RecordedRequest request) {
    return request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
  }

  @Test
  void should_sign_a_form_post_so_that_the_received_request_verifies() throws Exception {
    server.enqueue(vector());
    client(
            new CountingProvider(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)),
            "/workspaces/ws-1234/")
        .query(QUERY, NOW);

    RecordedRequest r = taken();
    String authorization = r.getHeaders().get("Authorization");
    assertTrue(
        authorization.startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261101/us-east-1/aps/aws4_request,"
                + " SignedHeaders="),
        authorization);
    Authorization auth = Authorization.parse(authorization);
    assertTrue(auth.signedHeaders().contains("host"), auth.toString());
    assertTrue(auth.signedHeaders().contains("x-amz-date"), auth.toString());
    // The form's type, our Accept and the tenant are covered too: a proxy cannot swap them.
    assertTrue(auth.signedHeaders().contains("content-type"), auth.toString());
    assertTrue(auth.signedHeaders().contains("x-scope-orgid"), auth.toString());
    assertEquals("20261101T123456Z", r.getHeaders().get("X-Amz-Date"));
    assertNull(r.getHeaders().get("X-Amz-Security-Token"), "long-term keys have no token");
    assertEquals("/workspaces/ws-1234/api/v1/query", r.getUrl().encodedPath());

    byte[] received = body(r);
    assertTrue(
        new String(received, StandardCharsets.UTF_8).contains("query=sum"), "the form was sent");
    assertEquals(auth.signature(), SigV4Verifier.expectedSignature(r, received, SECRET_KEY));
    // The SDK also states the payload hash; it must be the hash of what arrived.
    String stated = r.getHeaders().get("x-amz-content-sha256");
    if (stated != null) {
      assertEquals(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(received)), stated);
    }
  }

  @Test
  void should_not_verify_when_the_body_differs_from_the_signed_one() throws Exception {
    server.enqueue(vector());
    client(new CountingProvider(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .query("up", NOW);

    RecordedRequest r = taken();
    String signature = Authorization.parse(r.getHeaders().get("Authorization")).signature();
    byte[] received = body(r);
    assertEquals(signature, SigV4Verifier.expectedSignature(r, received, SECRET_KEY));

    byte[] changed =
        new String(received, StandardCharsets.UTF_8)
            .replace("query=up", "query=down")
            .getBytes(StandardCharsets.UTF_8);
    assertNotEquals(signature, SigV4Verifier.expectedSignature(r, changed, SECRET_KEY));
    byte[] appended =
        (new String(received, StandardCharsets.UTF_8) + "&x=1").getBytes(StandardCharsets.UTF_8);
    assertNotEquals(signature, SigV4Verifier.expectedSignature(r, appended, SECRET_KEY));
    assertNotEquals(
        signature, SigV4Verifier.expectedSignature(r, received, SECRET_KEY + "x"), "wrong key");
  }

  @Test
  void should_send_and_sign_the_session_token_of_temporary_credentials() throws Exception {
    server.enqueue(vector());
    client(
            new CountingProvider(
                AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)))
        .query(QUERY, NOW);

    RecordedRequest r = taken();
    assertEquals(SESSION_TOKEN, r.getHeaders().get("X-Amz-Security-Token"));
    Authorization auth = Authorization.parse(r.getHeaders().get("Authorization"));
    assertTrue(auth.signedHeaders().contains("x-amz-security-token"), auth.toString());
    assertEquals(auth.signature(), SigV4Verifier.expectedSignature(r, body(r), SECRET_KEY));
  }

  @Test
  void should_sign_a_get_without_a_body() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"status\":\"success\",\"data\":{\"version\":\"2.53.0\"}}")
            .build());
    Optional<String> version =
        client(new CountingProvider(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).version();

    assertEquals(Optional.of("2.53.0"), version);
    RecordedRequest r = taken();
    assertEquals("GET", r.getMethod());
    Authorization auth = Authorization.parse(r.getHeaders().get("Authorization"));
    assertEquals(auth.signature(), SigV4Verifier.expectedSignature(r, new byte[0], SECRET_KEY));
  }

  @Test
  void should_ask_for_credentials_once_and_sign_every_attempt_of_a_retry() throws Exception {
    CountingProvider keys =
        new CountingProvider(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(vector());
    server.enqueue(vector());
    PrometheusClient client = client(keys);
    client.query("up", NOW);
    client.query("up", NOW);

    assertEquals(1, keys.calls.get());
    for (int i = 0; i < 3; i++) {
      RecordedRequest r = taken();
      String signature = Authorization.parse(r.getHeaders().get("Authorization")).signature();
      assertEquals(signature, SigV4Verifier.expectedSignature(r, body(r), SECRET_KEY), "#" + i);
    }
  }

  @Test
  void should_fail_in_one_line_without_sending_when_there_are_no_credentials() {
    AtomicInteger calls = new AtomicInteger();
    AwsCredentialsProvider none =
        () -> {
          calls.incrementAndGet();
          throw SdkClientException.create(
              "Unable to load credentials from any of the providers in the chain");
        };
    BackendException e = assertThrows(BackendException.class, () -> client(none).query("up", NOW));

    assertEquals(SigV4Interceptor.NO_CREDENTIALS, e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(1, calls.get(), "a setup problem is not retried");
    assertEquals(0, server.getRequestCount(), "nothing unsigned goes out");
  }

  @Test
  void should_name_no_secret_in_the_config_description() {
    PrometheusConfig config =
        TestConfig.of(HttpUrl.get("https://aps-workspaces.eu-west-1.amazonaws.com/"))
            .withSigV4(
                new SigV4Settings(
                    "eu-west-1",
                    "aps",
                    () -> AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN),
                    null))
            .build();
    String text = config.toString();

    assertTrue(text.contains("sigv4(region=eu-west-1, service=aps)"), text);
    for (String secret : List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)) {
      assertFalse(text.contains(secret), text);
    }
  }

  @Test
  void should_read_the_region_from_an_amp_host_only() {
    assertEquals(
        Optional.of("us-east-1"),
        SigV4Settings.regionFromHost("aps-workspaces.us-east-1.amazonaws.com"));
    assertEquals(
        Optional.of("ap-southeast-2"),
        SigV4Settings.regionFromHost("APS-WORKSPACES.ap-southeast-2.amazonaws.com"));
    assertEquals(
        Optional.of("us-gov-west-1"),
        SigV4Settings.regionFromHost("aps-workspaces-fips.us-gov-west-1.amazonaws.com"));
    assertEquals(
        Optional.of("cn-north-1"),
        SigV4Settings.regionFromHost("aps-workspaces.cn-north-1.amazonaws.com.cn"));
    assertEquals(Optional.empty(), SigV4Settings.regionFromHost("127.0.0.1"));
    assertEquals(Optional.empty(), SigV4Settings.regionFromHost("prometheus.example.com"));
    assertEquals(
        Optional.empty(), SigV4Settings.regionFromHost("aps-workspaces.us-east-1.example.com"));
  }
}
