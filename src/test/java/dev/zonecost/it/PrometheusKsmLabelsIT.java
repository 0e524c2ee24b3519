package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** kube-state-metrics' exported_* labels, an unjoined cluster, CronJobs: a real Prometheus. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrometheusKsmLabelsIT extends KsmLabelsContract {
  @Override
  Backend start(Path dir, SimulatedCluster c) throws Exception {
    return Backend.prometheus(dir, c);
  }

  @Override
  Backend start(Path dir, SimulatedCluster c, String openMetrics) throws Exception {
    return Backend.prometheus(dir, c, (Writer w) -> w.write(openMetrics));
  }
}
