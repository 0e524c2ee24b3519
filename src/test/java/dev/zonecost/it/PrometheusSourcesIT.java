package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Beyla and Istio as byte sources against a real Prometheus. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrometheusSourcesIT extends SourcesContract {
  @Override
  Backend start(Path dir, SimulatedCluster c, String source) throws Exception {
    return Backend.prometheus(dir, c, w -> c.writeOpenMetrics(w, source));
  }

  @Override
  Backend startText(Path dir, SimulatedCluster c, long samples, String text) throws Exception {
    return Backend.prometheus(dir, c, w -> w.write(text));
  }
}
