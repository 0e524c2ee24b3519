package dev.zonecost.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.WorkloadRef;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The habits kubectl users bring (issue 32): -n, --end now, and kubectl zonecost reaching an
 * in-cluster Prometheus through the API server's service proxy from the kubeconfig. A MockWebServer
 * on 127.0.0.1 stands in for the API server.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KubectlHabitsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:30Z"), ZoneOffset.UTC);
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("kube CA").build();
  private static final HeldCertificate SERVER =
      new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").signedBy(CA).build();
  private static final HeldCertificate CLIENT =
      new HeldCertificate.Builder().commonName("kubernetes-admin").rsa2048().signedBy(CA).build();
  private static final String EMPTY =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

  @TempDir Path tmp;
  private MockWebServer api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private void startApiServer(boolean https) throws Exception {
    api = new MockWebServer();
    if (https) {
      api.useHttps(
          new HandshakeCertificates.Builder()
              .heldCertificate(SERVER)
              .addTrustedCertificate(CA.certificate())
              .build()
              .sslSocketFactory());
      api.requireClientAuth();
    }
    api.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (!request.getUrl().encodedPath().startsWith(PROXY)) {
              return new MockResponse.Builder().code(404).body("not the proxy").build();
            }
            if (request.getUrl().encodedPath().endsWith("/status/buildinfo")) {
              return new MockResponse.Builder().code(404).body("404 page not found").build();
            }
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(EMPTY)
                .build();
          }
        });
    api.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  private static final String PROXY =
      "/api/v1/namespaces/monitoring/services/prometheus-operated:9090/proxy/";

  private static String b64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(US_ASCII));
  }

  private Path kubeconfig(String server, String user) throws Exception {
    return Files.writeString(
        tmp.resolve("config"),
        "apiVersion: v1\nkind: Config\ncurrent-context: other\n"
            + "clusters:\n- name: test\n  cluster:\n    server: "
            + server
            + "\n    certificate-authority-data: "
            + b64(CA.certificatePem())
            + "\n- name: elsewhere\n  cluster:\n    server: https://192.0.2.1:6443\n"
            + "contexts:\n- name: test\n  context: {cluster: test, user: u}\n"
            + "- name: other\n  context: {cluster: elsewhere, user: u}\n"
            + "users:\n- name: u\n  user:\n"
            + user);
  }

  private CliRun report(Path kubeconfig, String... extra) {
    String[] base = {
      "report",
      "--prometheus-service",
      "monitoring/prometheus-operated:9090",
      "--context",
      "test",
      "--since",
      "1h",
      "--retries",
      "0"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.run(
        CLOCK, Map.of("HOME", "/nonexistent-home", "KUBECONFIG", kubeconfig.toString()), tmp, args);
  }

  @Test
  void should_reach_prometheus_through_the_service_proxy_with_the_contexts_client_certificate()
      throws Exception {
    startApiServer(true);
    Path config =
        kubeconfig(
            "https://127.0.0.1:" + api.getPort(),
            "    client-certificate-data: "
                + b64(CLIENT.certificatePem())
                + "\n    client-key-data: "
                + b64(CLIENT.privateKeyPkcs1Pem())
                + "\n");
    CliRun run = report(config);
    assertEquals(5, run.exitCode(), run.describe()); // reached, and the window is empty
    RecordedRequest first = api.takeRequest();
    assertTrue(first.getUrl().encodedPath().startsWith(PROXY), first.getUrl().toString());
    assertTrue(
        first.getHandshake().peerPrincipal().getName().contains("CN=kubernetes-admin"),
        "the client certificate of the context, from its PKCS#1 key");
  }

  @Test
  void should_send_the_contexts_token_and_name_the_proxy_path() throws Exception {
    startApiServer(false);
    Path config = kubeconfig("http://127.0.0.1:" + api.getPort(), "    token: s3cr3t-token\n");
    CliRun run = report(config);
    assertEquals(5, run.exitCode(), run.describe());
    boolean sawQuery = false;
    while (api.getRequestCount() > 0) {
      RecordedRequest r = api.takeRequest(1, TimeUnit.SECONDS);
      if (r == null) {
        break;
      }
      assertTrue(r.getUrl().encodedPath().startsWith(PROXY), r.getUrl().toString());
      assertEquals("Bearer s3cr3t-token", r.getHeaders().get("Authorization"));
      sawQuery |= r.getUrl().encodedPath().equals(PROXY + "api/v1/query");
    }
    assertTrue(sawQuery, "the instant queries go to the proxied /api/v1/query");
    assertFalse(run.err().contains("s3cr3t-token"), run.describe());
  }

  @Test
  void should_refuse_an_exec_plugin_and_say_to_port_forward() throws Exception {
    Path config =
        kubeconfig(
            "https://127.0.0.1:1",
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                + "      command: aws\n      args: [eks, get-token]\n");
    CliRun run = report(config);
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("an exec plugin (aws)"), run.describe());
    assertTrue(run.err().contains("kubectl port-forward"), run.describe());
  }

  @Test
  void should_refuse_a_service_that_is_not_namespace_name_port() throws Exception {
    Path config = kubeconfig("https://127.0.0.1:1", "    token: t\n");
    CliRun run =
        CliRun.run(
            CLOCK,
            Map.of("KUBECONFIG", config.toString()),
            tmp,
            "report",
            "--prometheus-service",
            "prometheus:9090");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("is not NAMESPACE/SERVICE:PORT"), run.describe());
  }

  @Test
  void should_take_dash_n_as_either_end_in_the_namespace() {
    Selection s = new Selection(null, null, null, null, null, null, null, null, null, "shop");
    var keep = s.workloadFilter();
    assertTrue(keep.test(new WorkloadRef("shop", "Deployment", "a"), ref("db")));
    assertTrue(keep.test(ref("db"), new WorkloadRef("shop", "Deployment", "a")));
    assertFalse(keep.test(ref("db"), ref("cache")));
    CliRun run = CliRun.run(CLOCK, "report", "-n", "shop", "--end", "now", "--help");
    assertEquals(0, run.exitCode(), run.describe());
  }

  private static WorkloadRef ref(String ns) {
    return new WorkloadRef(ns, "Deployment", "x");
  }

  @Test
  void should_accept_end_now_as_the_current_minute() {
    CliRun run = CliRun.run(CLOCK, "query", "--since", "1h", "--end", "now");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(
        run.out().contains("2026-11-01T02:00:00Z") || run.out().contains("1793584800"),
        run.describe());
  }

  @Test
  void should_name_itself_kubectl_zonecost_when_kubectl_runs_it() {
    CliRun run =
        CliRun.run(
            CLOCK,
            Map.of("HOME", "/nonexistent-home", Cli.INVOKED_AS, "kubectl zonecost"),
            tmp,
            "report",
            "--help");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().startsWith("Usage: kubectl zonecost report"), run.out());
    assertTrue(run.out().contains("  kubectl zonecost report --since"), run.out());
    assertFalse(run.out().matches("(?s).*\\n\\s+zonecost report.*"), run.out());
  }
}
