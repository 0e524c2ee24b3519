package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --ca-file, --client-cert/--client-key and --insecure-skip-tls-verify against an HTTPS server. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TlsOptionsTest {
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
  private static final HeldCertificate SERVER =
      new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").signedBy(CA).build();
  private static final HeldCertificate CLIENT =
      new HeldCertificate.Builder().commonName("zonecost-client").signedBy(CA).build();

  @TempDir Path tmp;
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(SERVER)
            .addTrustedCertificate(CA.certificate())
            .build()
            .sslSocketFactory());
    server.requestClientAuth();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
            .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private PrometheusOptionsTest.Run probe(String... args) {
    var probe = new PrometheusOptionsTest.Probe();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(probe).setExecutionExceptionHandler(new ErrorHandler());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--retries", "0", "--prometheus-url"));
    all.add(server.url("/").newBuilder().host("127.0.0.1").build().toString());
    all.addAll(List.of(args));
    return new PrometheusOptionsTest.Run(
        cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  @Test
  void should_trust_the_ca_file_and_present_the_client_certificate() throws Exception {
    Path ca = Files.writeString(tmp.resolve("ca.pem"), CA.certificatePem());
    Path cert = Files.writeString(tmp.resolve("client.pem"), CLIENT.certificatePem());
    Path key = Files.writeString(tmp.resolve("client.key"), CLIENT.privateKeyPkcs8Pem());
    var run =
        probe(
            "--ca-file",
            ca.toString(),
            "--client-cert",
            cert.toString(),
            "--client-key",
            key.toString());
    assertEquals(0, run.exitCode(), run.toString());
    var handshake = server.takeRequest(5, TimeUnit.SECONDS).getHandshake();
    assertTrue(handshake.peerPrincipal().getName().contains("CN=zonecost-client"));
  }

  @Test
  void should_fail_with_exit_4_and_one_line_without_the_ca_file() {
    var run = probe();
    assertEquals(ExitCodes.BACKEND, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("zonecost: TLS handshake with https://127.0.0.1:"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void should_connect_without_checks_only_when_asked_and_say_so_on_stderr() {
    var run = probe("--insecure-skip-tls-verify");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .startsWith(
                "zonecost: warning: --insecure-skip-tls-verify: the certificate of 127.0.0.1 is not checked"),
        run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void should_refuse_a_key_that_is_not_pkcs8_naming_the_file() throws Exception {
    Path cert = Files.writeString(tmp.resolve("client.pem"), CLIENT.certificatePem());
    Path key = Files.writeString(tmp.resolve("client.key"), "-----BEGIN EC PRIVATE KEY-----\nAA\n");
    var run = probe("--client-cert", cert.toString(), "--client-key", key.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--client-key " + key), run.err());
    assertTrue(run.err().contains("PKCS#8"), run.err());
  }
}
