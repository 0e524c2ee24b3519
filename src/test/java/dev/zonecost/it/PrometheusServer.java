package dev.zonecost.it;

import java.io.IOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's package) on a free loopback port, backfilled with promtool from an
 * OpenMetrics file. Fails loudly when the binaries are missing: these tests must not be skipped.
 */
public final class PrometheusServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path dir;

  private PrometheusServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  public interface OpenMetricsSource {
    void write(Writer w) throws IOException;
  }

  public static PrometheusServer start(Path dir, OpenMetricsSource data)
      throws IOException, InterruptedException {
    Path tsdb = dir.resolve("data");
    backfill(dir, "cluster.om", data, Duration.ofHours(168), tsdb, "promtool.log");
    return launch(dir, tsdb);
  }

  /**
   * Backfills the parts one after another as scripts/bench.sh does (each written, backfilled with
   * {@code --max-block-duration=blockDuration} and deleted before the next), then starts Prometheus
   * on their blocks.
   */
  public static PrometheusServer startInParts(
      Path dir, List<OpenMetricsSource> parts, Duration blockDuration)
      throws IOException, InterruptedException {
    Path tsdb = dir.resolve("data");
    for (int i = 0; i < parts.size(); i++) {
      Files.delete(
          backfill(
              dir,
              "part-" + i + ".om",
              parts.get(i),
              blockDuration,
              tsdb,
              "promtool-" + i + ".log"));
    }
    return launch(dir, tsdb);
  }

  /** Writes {@code data} to {@code name} in {@code dir} and backfills it into {@code tsdb}. */
  private static Path backfill(
      Path dir, String name, OpenMetricsSource data, Duration blocks, Path tsdb, String log)
      throws IOException, InterruptedException {
    Path om = dir.resolve(name);
    try (Writer w = Files.newBufferedWriter(om, StandardCharsets.UTF_8)) {
      data.write(w);
    }
    run(
        List.of(
            binary("promtool"),
            "tsdb",
            "create-blocks-from",
            "openmetrics",
            "--max-block-duration=" + blocks.toHours() + "h",
            "-q",
            om.toString(),
            tsdb.toString()),
        dir.resolve(log),
        Duration.ofMinutes(3));
    return om;
  }

  /** Starts Prometheus on the blocks in {@code tsdb}, on a free port, and waits until ready. */
  private static PrometheusServer launch(Path dir, Path tsdb)
      throws IOException, InterruptedException {
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 1m\n");
    int port = freePort();
    Process p =
        new ProcessBuilder(
                binary("prometheus"),
                "--config.file=" + config,
                "--storage.tsdb.path=" + tsdb,
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port,
                "--query.max-samples=200000000")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    PrometheusServer server = new PrometheusServer(p, port, dir);
    try {
      server.awaitReady(Duration.ofSeconds(60));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Backfills recording rules as a Prometheus that had them loaded would have recorded them ({@code
   * promtool tsdb create-blocks-from rules} against this server, evaluated every {@code interval}
   * from {@code start} to {@code end}), then stops this server and returns one started on the raw
   * and the recorded blocks.
   */
  public PrometheusServer withRecordedRules(
      Path rules, Instant start, Instant end, Duration interval)
      throws IOException, InterruptedException {
    Path blocks = Files.createDirectories(dir.resolve("recorded"));
    run(
        List.of(
            binary("promtool"),
            "tsdb",
            "create-blocks-from",
            "rules",
            "-q",
            "--url=" + url(),
            "--start=" + start.getEpochSecond(),
            "--end=" + end.getEpochSecond(),
            "--eval-interval=" + interval.toSeconds() + "s",
            "--output-dir=" + blocks,
            rules.toString()),
        dir.resolve("promtool-rules.log"),
        Duration.ofMinutes(5));
    close();
    Path tsdb = dir.resolve("data");
    try (var made = Files.list(blocks)) {
      for (Path b : made.toList()) {
        Files.move(b, tsdb.resolve(b.getFileName()));
      }
    }
    return launch(dir, tsdb);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Path dir() {
    return dir;
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "prometheus exited with "
                + process.exitValue()
                + ": "
                + tail(dir.resolve("prometheus.log")));
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(url() + "/-/ready").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(500);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new IOException(
        "prometheus not ready after " + timeout + ": " + tail(dir.resolve("prometheus.log")));
  }

  @Override
  public void close() {
    stop(process);
  }

  /** Ends a server process, forcibly when it does not stop within 20 seconds. */
  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static String binary(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new IllegalStateException(
        name + " is not installed: scripts/test.sh installs it (apt-get install -y prometheus)");
  }

  private static void run(List<String> command, Path log, Duration timeout)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(command.get(0) + " took longer than " + timeout);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + tail(log));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
