package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Beyla and Istio as byte sources against a real VictoriaMetrics. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class VictoriaMetricsSourcesIT extends SourcesContract {
  @Override
  Backend start(Path dir, SimulatedCluster c, String source) throws Exception {
    return Backend.victoriaMetrics(
        dir, c, c.sampleCount(source), w -> c.writeOpenMetrics(w, source));
  }

  @Override
  Backend startText(Path dir, SimulatedCluster c, long samples, String text) throws Exception {
    return Backend.victoriaMetrics(dir, c, samples, w -> w.write(text));
  }
}
