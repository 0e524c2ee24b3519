package dev.zonecost.it;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** The window-edge cases against a real VictoriaMetrics (left-open ranges). */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class VictoriaMetricsWindowEdgesIT extends WindowEdgesContract {
  private static VictoriaMetricsServer server;

  @BeforeAll
  static void start() throws Exception {
    server = VictoriaMetricsServer.start(Files.createTempDirectory("zonecost-edges-vm"));
    server.importOpenMetrics(CLUSTER::writeOpenMetrics);
    server.awaitSamples(
        "{__name__=~\".+\"}",
        CLUSTER.end(),
        Duration.between(CLUSTER.dataStart(), CLUSTER.end()).plusHours(1),
        CLUSTER.sampleCount());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  String backend() {
    return "VictoriaMetrics";
  }

  @Override
  String url() {
    return server.url();
  }
}
