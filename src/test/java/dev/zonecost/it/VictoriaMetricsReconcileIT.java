package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Path;

/** {@code reconcile} against a real VictoriaMetrics. */
class VictoriaMetricsReconcileIT extends ReconcileContract {
  @Override
  Backend start(Path dir, SimulatedCluster c, String text) throws Exception {
    long samples = text.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    return Backend.victoriaMetrics(dir, c, samples, w -> w.write(text));
  }
}
