package dev.zonecost.it;

import dev.zonecost.simulate.SimulatedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real back end loaded with a simulated cluster: Prometheus (promtool) or VictoriaMetrics. */
final class Backend implements AutoCloseable {
  final String name;
  final String url;
  private final AutoCloseable server;

  private Backend(String name, String url, AutoCloseable server) {
    this.name = name;
    this.url = url;
    this.server = server;
  }

  static Backend prometheus(Path dir, SimulatedCluster c) throws Exception {
    Files.createDirectories(dir);
    PrometheusServer p = PrometheusServer.start(dir, c::writeOpenMetrics);
    return new Backend("Prometheus", p.url(), p);
  }

  /** Prometheus loaded with {@code data} (some of the cluster's series, say). */
  static Backend prometheus(Path dir, SimulatedCluster c, PrometheusServer.OpenMetricsSource data)
      throws Exception {
    Files.createDirectories(dir);
    PrometheusServer p = PrometheusServer.start(dir, data);
    return new Backend("Prometheus", p.url(), p);
  }

  static Backend victoriaMetrics(Path dir, SimulatedCluster c) throws Exception {
    return victoriaMetrics(dir, c, c.sampleCount(), c::writeOpenMetrics);
  }

  /** VictoriaMetrics loaded with {@code data} (some of the cluster's series, say). */
  static Backend victoriaMetrics(
      Path dir, SimulatedCluster c, long samples, PrometheusServer.OpenMetricsSource data)
      throws Exception {
    Files.createDirectories(dir);
    VictoriaMetricsServer vm = VictoriaMetricsServer.start(dir);
    vm.importOpenMetrics(data);
    vm.awaitSamples(
        "{__name__=~\".+\"}",
        c.end(),
        Duration.between(c.dataStart(), c.end()).plusHours(1),
        samples);
    return new Backend("VictoriaMetrics", vm.url(), vm);
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
