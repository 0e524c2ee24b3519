package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Ends that are nodes against a real Prometheus. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrometheusNodeTrafficIT extends NodeTrafficContract {
  @Override
  Backend start(Path dir, SimulatedCluster c) throws Exception {
    return Backend.prometheus(dir, c);
  }
}
