package dev.zonecost.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Debian's single-node VictoriaMetrics on a free loopback port, loaded through its Prometheus text
 * import (timestamps in milliseconds, no {@code # EOF}). Fails loudly when the binary is missing.
 */
public final class VictoriaMetricsServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private VictoriaMetricsServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static VictoriaMetricsServer start(Path dir) throws IOException, InterruptedException {
    int port = PrometheusServer.freePort();
    Path log = dir.resolve("victoria-metrics.log");
    Process p =
        new ProcessBuilder(
                PrometheusServer.binary("victoria-metrics"),
                "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + dir.resolve("vm-data"),
                "-retentionPeriod=100y",
                // Data of the far past is final at once, and no answer comes from a cache.
                "-search.latencyOffset=0s",
                "-search.disableCache",
                // zonecost rules' per-pair expression is longer than the default 16 KiB
                "-search.maxQueryLen=262144")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    VictoriaMetricsServer server = new VictoriaMetricsServer(p, port, log);
    try {
      server.await("/health", Duration.ofSeconds(30));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Imports OpenMetrics text with second timestamps, as the simulator writes it. */
  public void importOpenMetrics(PrometheusServer.OpenMetricsSource data) throws IOException {
    StringWriter om = new StringWriter();
    data.write(om);
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create(url() + "/api/v1/import/prometheus").toURL().openConnection();
    c.setDoOutput(true);
    c.setRequestMethod("POST");
    c.setConnectTimeout(5_000);
    c.setReadTimeout(60_000);
    try (OutputStream out = c.getOutputStream();
        BufferedReader in = new BufferedReader(new StringReader(om.toString()))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue; // # TYPE and # EOF
        }
        // "name{labels} value seconds" -> the same with milliseconds
        out.write((line + "000\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    int code = c.getResponseCode();
    if (code / 100 != 2) {
      throw new IOException("import answered HTTP " + code);
    }
  }

  /**
   * Runs {@code vmalert}'s replay of {@code rules} over [{@code from}, {@code to}] against this
   * server, writing what the rules record and the alerts' states back to it: each group at its own
   * interval ({@code -datasource.queryStep=0}), and each rule after the last one's samples are
   * searchable ({@code -replay.rulesDelay} above the write flush interval), so chained rules read
   * the rules before them.
   */
  public String replay(Path rules, Instant from, Instant to)
      throws IOException, InterruptedException {
    Path out = log.resolveSibling("vmalert.log");
    Process p =
        new ProcessBuilder(
                PrometheusServer.binary("vmalert"),
                "-rule=" + rules,
                "-datasource.url=" + url(),
                "-remoteWrite.url=" + url(),
                "-datasource.queryStep=0",
                "-remoteWrite.flushInterval=1s",
                "-replay.rulesDelay=3s",
                "-replay.timeFrom=" + from,
                "-replay.timeTo=" + to,
                "-replay.disableProgressBar",
                "-httpListenAddr=127.0.0.1:" + PrometheusServer.freePort())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!p.waitFor(4, java.util.concurrent.TimeUnit.MINUTES)) {
      PrometheusServer.stop(p);
      throw new IOException(
          "vmalert's replay took longer than 4 minutes: " + PrometheusServer.tail(out));
    }
    String text = java.nio.file.Files.readString(out);
    if (p.exitValue() != 0 || !text.contains("replay finished")) {
      throw new IOException("vmalert's replay failed: " + PrometheusServer.tail(out));
    }
    return text;
  }

  /**
   * Waits until {@code count(count_over_time({__name__!=""}[range]))}-like probes see every sample:
   * the import is asynchronous, and VictoriaMetrics makes new data searchable after a flush.
   */
  public void awaitSamples(String selector, Instant at, Duration range, long expected)
      throws IOException, InterruptedException {
    String query = "sum(count_over_time(" + selector + "[" + range.toSeconds() + "s]))";
    Instant deadline = Instant.now().plusSeconds(60);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      last =
          get(
              "/api/v1/query?query="
                  + URLEncoder.encode(query, StandardCharsets.UTF_8)
                  + "&time="
                  + at.getEpochSecond());
      if (last.contains("\"" + expected + "\"")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IOException("VictoriaMetrics never showed " + expected + " samples: " + last);
  }

  String get(String pathAndQuery) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) URI.create(url() + pathAndQuery).toURL().openConnection();
    c.setConnectTimeout(2_000);
    c.setReadTimeout(10_000);
    try (var in = c.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void await(String path, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "victoria-metrics exited with " + process.exitValue() + ": " + tail());
      }
      try {
        get(path);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IOException("victoria-metrics not ready after " + timeout + ": " + tail());
  }

  private String tail() {
    return PrometheusServer.tail(log);
  }

  @Override
  public void close() {
    PrometheusServer.stop(process);
  }
}
