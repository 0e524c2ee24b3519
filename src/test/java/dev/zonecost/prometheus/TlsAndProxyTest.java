package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTPS with a private CA, mutual TLS, skipped verification, and proxies from the environment. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TlsAndProxyTest {
  private static final Instant TIME = Instant.parse("2026-11-01T00:00:00Z");

  // One CA and the certificates it signed, made once: RSA/EC key generation is the slow part.
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("zonecost test CA").build();
  private static final HeldCertificate SERVER =
      new HeldCertificate.Builder()
          .addSubjectAlternativeName("127.0.0.1")
          .commonName("prometheus")
          .signedBy(CA)
          .build();
  private static final HeldCertificate CLIENT =
      new HeldCertificate.Builder().commonName("zonecost-client").signedBy(CA).build();

  private final List<PrometheusClient> clients = new ArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
  }

  @AfterEach
  void stop() {
    clients.forEach(PrometheusClient::close);
    server.close();
  }

  private void https(boolean requireClientCertificate) throws IOException {
    HandshakeCertificates.Builder serverCerts =
        new HandshakeCertificates.Builder().heldCertificate(SERVER);
    if (requireClientCertificate) {
      serverCerts.addTrustedCertificate(CA.certificate());
    }
    server.useHttps(serverCerts.build().sslSocketFactory());
    if (requireClientCertificate) {
      server.requireClientAuth();
    }
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    server.enqueue(vector());
  }

  private static MockResponse vector() {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
        .build();
  }

  private HttpUrl url() {
    return server.url("/").newBuilder().host("127.0.0.1").build();
  }

  private PrometheusClient client(PrometheusConfig config) {
    PrometheusClient c = new PrometheusClient(config, millis -> {});
    clients.add(c);
    return c;
  }

  // --- TLS ---

  @Test
  void should_build_no_tls_for_a_plain_http_url_and_still_query_it() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    server.enqueue(vector());
    PrometheusClient plain = client(TestConfig.of(url()).build());
    assertEquals(List.of(okhttp3.ConnectionSpec.CLEARTEXT), plain.http().connectionSpecs());
    assertThrows(IllegalStateException.class, () -> plain.http().sslSocketFactory(), "no TLS");
    plain.query("up", TIME);
    assertNull(server.takeRequest(5, TimeUnit.SECONDS).getHandshake(), "in clear text");
    PrometheusClient secure = client(TestConfig.of(HttpUrl.get("https://127.0.0.1:1/")).build());
    assertTrue(secure.http().connectionSpecs().stream().anyMatch(okhttp3.ConnectionSpec::isTls));
    var ca = new TlsSettings(List.of(CA.certificate()), null, List.of(), false);
    PrometheusClient httpWithCa = client(TestConfig.of(url()).withTls(ca).build());
    assertTrue(
        httpWithCa.http().connectionSpecs().stream().anyMatch(okhttp3.ConnectionSpec::isTls),
        "TLS options keep TLS");
  }

  @Test
  void should_trust_a_server_signed_by_the_ca_file() throws Exception {
    https(false);
    var tls = new TlsSettings(List.of(CA.certificate()), null, List.of(), false);
    client(TestConfig.of(url()).withTls(tls).build()).query("up", TIME);
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/api/v1/query", r.getUrl().encodedPath());
    assertTrue(r.getHandshake() != null, "over TLS");
  }

  @Test
  void should_fail_cleanly_as_unreachable_without_the_ca_file() throws Exception {
    https(false);
    BackendUnreachableException e =
        assertThrows(
            BackendUnreachableException.class,
            () -> client(TestConfig.of(url()).build()).query("up", TIME));
    assertTrue(e.getMessage().startsWith("TLS handshake with https://127.0.0.1:"), e.getMessage());
    assertTrue(e.getMessage().contains("check the https:// URL and the CA file"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  void should_refuse_a_server_whose_ca_is_not_the_one_in_the_ca_file() throws Exception {
    https(false);
    HeldCertificate otherCa = new HeldCertificate.Builder().certificateAuthority(0).build();
    var tls = new TlsSettings(List.of(otherCa.certificate()), null, List.of(), false);
    assertThrows(
        BackendUnreachableException.class,
        () -> client(TestConfig.of(url()).withTls(tls).withRetries(0).build()).query("up", TIME));
  }

  @Test
  void should_accept_any_certificate_of_the_host_when_told_to_skip_verification() throws Exception {
    https(false);
    var tls = new TlsSettings(List.of(), null, List.of(), true);
    client(TestConfig.of(url()).withTls(tls).build()).query("up", TIME);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void should_present_the_client_certificate_decoded_from_pem_files() throws Exception {
    https(true);
    TlsSettings tls =
        TlsSettings.withClientCertificate(
            new TlsSettings(List.of(CA.certificate()), null, List.of(), false),
            TlsSettings.certificates(CLIENT.certificatePem()),
            CLIENT.privateKeyPkcs8Pem());
    client(TestConfig.of(url()).withTls(tls).build()).query("up", TIME);
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(
        r.getHandshake().peerPrincipal().getName().contains("CN=zonecost-client"),
        r.getHandshake().peerPrincipal().getName());
    assertFalse(tls.toString().contains("PRIVATE"), tls.toString());
  }

  @Test
  void should_refuse_a_key_that_is_not_pkcs8_or_not_the_certificates() {
    var chain = TlsSettings.certificates(CLIENT.certificatePem());
    IllegalArgumentException pkcs1 =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TlsSettings.withClientCertificate(
                    TlsSettings.DEFAULT,
                    chain,
                    "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n"));
    assertTrue(pkcs1.getMessage().contains("PKCS#8"), pkcs1.getMessage());
    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TlsSettings.withClientCertificate(
                    TlsSettings.DEFAULT, chain, SERVER.privateKeyPkcs8Pem()));
    assertEquals("the private key does not belong to the certificate", other.getMessage());
  }

  // --- proxies from the environment ---

  @Test
  void should_choose_the_proxy_by_scheme_and_skip_no_proxy_hosts_and_loopback() {
    EnvironmentProxy p =
        EnvironmentProxy.from(
            Map.of(
                "HTTPS_PROXY", "http://secure-proxy:3128",
                "http_proxy", "plain-proxy:8080",
                "NO_PROXY", " .internal.example, prom.corp:9090 ,10.1.2.3"));
    assertEquals("secure-proxy", p.proxyFor("https", "thanos.example.com", 443).host());
    assertEquals(8080, p.proxyFor("http", "thanos.example.com", 80).port());
    assertNull(p.proxyFor("https", "internal.example", 443), "the domain itself");
    assertNull(p.proxyFor("https", "mimir.eu.internal.example", 443), "a subdomain");
    assertEquals(
        "secure-proxy", p.proxyFor("https", "notinternal.example", 443).host(), "not a suffix");
    assertNull(p.proxyFor("http", "prom.corp", 9090), "host and port");
    assertEquals("plain-proxy", p.proxyFor("http", "prom.corp", 80).host(), "other port");
    assertNull(p.proxyFor("http", "10.1.2.3", 9090));
    assertNull(p.proxyFor("https", "127.0.0.1", 9090), "loopback is never proxied");
    assertNull(p.proxyFor("https", "localhost", 9090));
    assertEquals("secure-proxy", p.proxyFor("https", "127.example.com", 443).host());
    assertEquals(
        List.of(Proxy.NO_PROXY), p.select(URI.create("https://x.internal.example/api/v1/query")));
    assertEquals(
        InetSocketAddress.createUnresolved("secure-proxy", 3128),
        p.select(URI.create("https://thanos.example.com/")).get(0).address());
  }

  @Test
  void should_proxy_nothing_with_a_star_and_refuse_a_socks_proxy_without_echoing_it() {
    EnvironmentProxy all =
        EnvironmentProxy.from(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "*"));
    assertNull(all.proxyFor("https", "anything.example", 443));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EnvironmentProxy.from(Map.of("HTTPS_PROXY", "socks5://u:s3cr3t@p:1080")));
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertTrue(EnvironmentProxy.from(Map.of()).isEmpty());
  }

  @Test
  void should_send_requests_through_the_http_proxy_and_answer_its_challenge() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    server.enqueue(
        new MockResponse.Builder()
            .code(407)
            .addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
            .build());
    server.enqueue(vector());
    EnvironmentProxy proxy =
        EnvironmentProxy.from(
            Map.of("HTTP_PROXY", "http://alice:pw-secret@127.0.0.1:" + server.getPort()));
    // The host only exists for the proxy: a direct connection could not resolve it.
    var config =
        TestConfig.of(HttpUrl.get("http://prometheus.invalid:9090/")).withProxy(proxy).build();
    client(config).query("up", TIME);

    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("prometheus.invalid", first.getUrl().host());
    assertNull(first.getHeaders().get("Proxy-Authorization"));
    RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("Basic YWxpY2U6cHctc2VjcmV0", second.getHeaders().get("Proxy-Authorization"));
    assertFalse(config.toString().contains("pw-secret"), config.toString());
    assertTrue(
        config.toString().contains("proxy=EnvironmentProxy[https=none, http=http://127.0.0.1:"));
  }
}
