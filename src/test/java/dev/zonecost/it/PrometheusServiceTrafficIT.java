package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Service traffic against a real Prometheus. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrometheusServiceTrafficIT extends ServiceTrafficContract {
  @Override
  Backend start(Path dir, SimulatedCluster c) throws Exception {
    return Backend.prometheus(dir, c);
  }

  @Override
  Backend startText(Path dir, SimulatedCluster c, long samples, String text) throws Exception {
    return Backend.prometheus(dir, c, w -> w.write(text));
  }
}
