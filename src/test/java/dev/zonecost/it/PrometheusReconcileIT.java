package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Path;

/** {@code reconcile} against a real Prometheus. */
class PrometheusReconcileIT extends ReconcileContract {
  @Override
  Backend start(Path dir, SimulatedCluster c, String text) throws Exception {
    return Backend.prometheus(dir, c, w -> w.write(text));
  }
}
