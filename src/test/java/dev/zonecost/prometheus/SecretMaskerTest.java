package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A gateway that echoes the request headers back must not make zonecost print a secret. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SecretMaskerTest {
  private static final Instant NOW = Instant.parse("2026-11-01T12:34:56Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<PrometheusClient> clients = new ArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
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

  /** Every request's headers, verbatim, in the error (or in the warnings when {@code ok}). */
  private void echoHeaders(boolean ok) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            StringBuilder echoed = new StringBuilder();
            // Headers.toString() redacts Authorization; a careless gateway does not.
            request
                .getHeaders()
                .forEach(
                    h ->
                        echoed
                            .append(h.getFirst())
                            .append(": ")
                            .append(h.getSecond())
                            .append('\n'));
            Map<String, Object> body = new LinkedHashMap<>();
            if (ok) {
              body.put("status", "success");
              body.put("data", Map.of("resultType", "vector", "result", List.of()));
              body.put("warnings", List.of("you sent: " + echoed));
            } else {
              body.put("status", "error");
              body.put("errorType", "bad_data");
              body.put("error", "you sent: " + echoed);
            }
            try {
              return new MockResponse.Builder()
                  .code(ok ? 200 : 400)
                  .addHeader("Content-Type", "application/json")
                  .body(JSON.writeValueAsString(body))
                  .build();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
        });
  }

  private PrometheusClient client(TestConfig config) {
    PrometheusClient client =
        new PrometheusClient(
            config
                .withRetries(0)
                .withWarningSink(
                    new WarningSink() {
                      @Override
                      public void warning(String text) {
                        warnings.add(text);
                      }

                      @Override
                      public void info(String text) {
                        warnings.add(text);
                      }
                    })
                .build(),
            millis -> {});
    clients.add(client);
    return client;
  }

  private HttpUrl base() {
    return server.url("/").newBuilder().host("127.0.0.1").build();
  }

  private static void assertNoneOf(String text, String... secrets) {
    for (String secret : secrets) {
      assertFalse(text.contains(secret), "leaks " + secret + ": " + text);
    }
    assertTrue(text.contains("***"), text);
  }

  @Test
  void should_mask_bearer_token_basic_password_headers_and_url_password_in_errors() {
    echoHeaders(false);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer tok-3x4mpl3-s3cr3t");
    headers.put("X-Api-Key", "hdr-s3cr3t-value");
    PrometheusClient bearer =
        client(
            TestConfig.of(base().newBuilder().username("u").password("url-pa55").build())
                .withExtraHeaders(headers));
    BackendException e = assertThrows(BackendException.class, () -> bearer.query("up", NOW));
    assertNoneOf(e.getMessage(), "tok-3x4mpl3-s3cr3t", "hdr-s3cr3t-value");

    PrometheusClient basic =
        client(
            TestConfig.of(base())
                .withExtraHeaders(Map.of("Authorization", Credentials.basic("alice", "pa55w0rd"))));
    PrometheusApiException api =
        assertThrows(PrometheusApiException.class, () -> basic.query("up", NOW));
    String base64 = Credentials.basic("alice", "pa55w0rd").substring("Basic ".length());
    assertNoneOf(api.getMessage(), base64);
    assertNoneOf(api.error(), base64);
  }

  @Test
  void should_mask_secrets_in_warnings() throws Exception {
    echoHeaders(true);
    client(
            TestConfig.of(base())
                .withExtraHeaders(Map.of("Authorization", "Bearer tok-3x4mpl3-s3cr3t")))
        .query("up", NOW);
    assertEquals(1, warnings.size(), warnings.toString());
    assertNoneOf(warnings.get(0), "tok-3x4mpl3-s3cr3t");
  }

  @Test
  void should_mask_sigv4_keys_session_token_and_signature() {
    echoHeaders(false);
    PrometheusClient client =
        client(
            TestConfig.of(base())
                .withSigV4(
                    new SigV4Settings(
                        "us-east-1",
                        "aps",
                        StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(
                                SigV4InterceptorTest.ACCESS_KEY,
                                SigV4InterceptorTest.SECRET_KEY,
                                SigV4InterceptorTest.SESSION_TOKEN)),
                        Clock.fixed(NOW, ZoneOffset.UTC))));
    BackendException e = assertThrows(BackendException.class, () -> client.query("up", NOW));
    assertNoneOf(
        e.getMessage(), SigV4InterceptorTest.ACCESS_KEY, SigV4InterceptorTest.SESSION_TOKEN);
    assertFalse(e.getMessage().matches("(?s).*Signature=[0-9a-f]{64}.*"), e.getMessage());
  }

  @Test
  void should_mask_the_proxy_credentials_a_proxy_or_server_echoes() {
    // The proxy asks for its credentials, then passes the request on, and the server behind it
    // echoes every header and the proxy's decoded user:password.
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String auth = request.getHeaders().get("Proxy-Authorization");
            if (auth == null) {
              return new MockResponse.Builder()
                  .code(407)
                  .addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
                  .build();
            }
            String decoded =
                new String(
                    java.util.Base64.getDecoder().decode(auth.substring("Basic ".length())),
                    java.nio.charset.StandardCharsets.UTF_8);
            try {
              return new MockResponse.Builder()
                  .code(400)
                  .addHeader("Content-Type", "application/json")
                  .body(
                      JSON.writeValueAsString(
                          Map.of(
                              "status", "error",
                              "errorType", "bad_data",
                              "error", "proxy user " + decoded + " sent " + auth)))
                  .build();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
        });
    EnvironmentProxy proxy =
        EnvironmentProxy.from(
            Map.of("HTTP_PROXY", "http://alice:pr0xy-pa55word@127.0.0.1:" + server.getPort()));
    PrometheusClient client =
        client(TestConfig.of(HttpUrl.get("http://prometheus.invalid:9090/")).withProxy(proxy));
    PrometheusApiException e =
        assertThrows(PrometheusApiException.class, () -> client.query("up", NOW));
    String basic = Credentials.basic("alice", "pr0xy-pa55word").substring("Basic ".length());
    assertNoneOf(e.getMessage(), "pr0xy-pa55word", basic);
  }

  @Test
  void should_decode_a_basic_password_and_ignore_short_values() {
    SecretMasker masker =
        SecretMasker.of(
            base().newBuilder().username("bob").password("p4ssw0rd").build(),
            Map.of("Authorization", Credentials.basic("alice", "s3same!"), "X-Small", "ab"));
    assertEquals(
        "pw *** and *** and *** ab", masker.mask("pw s3same! and p4ssw0rd and alice:s3same! ab"));
  }
}
