package dev.zonecost.it;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** The window-edge cases against a real Prometheus (closed ranges on 2.x). */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrometheusWindowEdgesIT extends WindowEdgesContract {
  private static PrometheusServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        PrometheusServer.start(
            Files.createTempDirectory("zonecost-edges-prom"), CLUSTER::writeOpenMetrics);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  String backend() {
    return "Prometheus";
  }

  @Override
  String url() {
    return server.url();
  }
}
