package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * IRSA: the SDK's default chain exchanges the pod's web-identity token at STS for session keys, and
 * zonecost signs with them. STS is faked on loopback through the SDK's endpoint override, so
 * nothing leaves the machine.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebIdentityTest {
  private static final Map<String, String> PROPS =
      Map.of(
          "aws.webIdentityTokenFile", "",
          "aws.roleArn", "arn:aws:iam::123456789012:role/zonecost",
          "aws.roleSessionName", "zonecost-test",
          "aws.region", "us-east-1",
          "aws.endpointUrlSts", "",
          "aws.disableEc2Metadata", "true");

  @TempDir Path dir;
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    PROPS.keySet().forEach(System::clearProperty);
    server.close();
  }

  @Test
  void should_sign_with_the_session_keys_sts_gives_for_the_web_identity_token() throws Exception {
    Assumptions.assumeTrue(
        System.getenv("AWS_ACCESS_KEY_ID") == null,
        "environment keys come before web identity in the AWS chain");
    Path token = dir.resolve("token");
    Files.writeString(token, "eyJ-pod-service-account-token");
    String base = "http://127.0.0.1:" + server.getPort();
    PROPS.forEach(System::setProperty);
    System.setProperty("aws.webIdentityTokenFile", token.toString());
    System.setProperty("aws.endpointUrlSts", base);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            if (r.getBody() != null && r.getBody().utf8().contains("AssumeRoleWithWebIdentity")) {
              return new MockResponse.Builder()
                  .addHeader("Content-Type", "text/xml")
                  .body(
                      "<AssumeRoleWithWebIdentityResponse"
                          + " xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                          + "<AssumeRoleWithWebIdentityResult><Credentials>"
                          + "<AccessKeyId>ASIAWEBIDENTITY</AccessKeyId>"
                          + "<SecretAccessKey>web-identity-secret</SecretAccessKey>"
                          + "<SessionToken>web-identity-session</SessionToken>"
                          + "<Expiration>2099-01-01T00:00:00Z</Expiration>"
                          + "</Credentials></AssumeRoleWithWebIdentityResult>"
                          + "</AssumeRoleWithWebIdentityResponse>")
                  .build();
            }
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
                .build();
          }
        });
    try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
      PrometheusConfig config =
          TestConfig.of(HttpUrl.get(base + "/workspaces/ws-1/"))
              .withSigV4(
                  new SigV4Settings(
                      "us-east-1",
                      "aps",
                      chain,
                      Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC)))
              .build();
      try (PrometheusClient client = new PrometheusClient(config, millis -> {})) {
        client.query("up", Instant.parse("2026-11-01T00:00:00Z"));
      }
    }
    RecordedRequest sts = server.takeRequest(5, TimeUnit.SECONDS);
    String form = sts.getBody().utf8();
    assertTrue(form.contains("Action=AssumeRoleWithWebIdentity"), form);
    assertTrue(form.contains("WebIdentityToken=eyJ-pod-service-account-token"), form);
    RecordedRequest query = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/workspaces/ws-1/api/v1/query", query.getUrl().encodedPath());
    assertTrue(
        query
            .getHeaders()
            .get("Authorization")
            .startsWith(
                "AWS4-HMAC-SHA256 Credential=ASIAWEBIDENTITY/20261101/us-east-1/aps/aws4_request"),
        query.getHeaders().get("Authorization"));
    assertEquals("web-identity-session", query.getHeaders().get("X-Amz-Security-Token"));
  }
}
