package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Issue 29's half-broken set-ups against a real VictoriaMetrics. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class VictoriaMetricsHalfBrokenIT extends HalfBrokenContract {
  @Override
  Backend start(Path dir, SimulatedCluster c, String source) throws Exception {
    return Backend.victoriaMetrics(
        dir, c, c.sampleCount(source), w -> c.writeOpenMetrics(w, source));
  }
}
