package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/demo.sh's options (issue 32): {@code --port N} is the port Prometheus listens on, {@code
 * --reopen DIR} starts it again on saved data and leaves it running with {@code export
 * PROMETHEUS_URL=...} on stdout (the same ending as {@code --keep}), bad options exit 2.
 */
class DemoScriptIT {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run demo(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", "scripts/demo.sh"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("demo", ".out");
    Path err = Files.createTempFile("demo", ".err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "demo.sh did not finish");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void should_reopen_saved_data_on_the_given_port_and_leave_prometheus_running() throws Exception {
    Files.createDirectories(tmp.resolve("data"));
    Files.writeString(tmp.resolve("window"), "--start 1000 --end 8200\n");
    int port = PrometheusServer.freePort();
    Run run = demo("--reopen", tmp.toString(), "--port", Integer.toString(port));
    Matcher pid = Pattern.compile("stop it with: kill (\\d+)").matcher(run.err());
    assertTrue(pid.find(), run.err());
    try {
      assertEquals(0, run.code(), run.err());
      assertEquals("export PROMETHEUS_URL=http://127.0.0.1:" + port + "\n", run.out());
      assertTrue(run.err().contains("--start 1000 --end 8200"), run.err());
      assertTrue(run.err().contains("scripts/demo.sh --reopen " + tmp.toRealPath()), run.err());
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/-/ready").toURL().openConnection();
      assertEquals(200, c.getResponseCode(), "Prometheus still runs after the script ended");
    } finally {
      ProcessHandle.of(Long.parseLong(pid.group(1))).ifPresent(ProcessHandle::destroy);
    }
  }

  @Test
  void should_refuse_a_port_that_is_not_a_number_and_an_unknown_option_with_exit_2()
      throws Exception {
    Run bad = demo("--port", "abc");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("--port wants a port number"), bad.err());
    Run unknown = demo("--kep");
    assertEquals(2, unknown.code(), unknown.err());
    Run help = demo("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--keep") && help.out().contains("--reopen DIR"), help.out());
  }
}
