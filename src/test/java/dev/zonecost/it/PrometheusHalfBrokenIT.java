package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Issue 29's half-broken set-ups against a real Prometheus. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrometheusHalfBrokenIT extends HalfBrokenContract {
  @Override
  Backend start(Path dir, SimulatedCluster c, String source) throws Exception {
    return Backend.prometheus(dir, c, w -> c.writeOpenMetrics(w, source));
  }
}
