package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion for every way zonecost is run, through the real shells and kubectl: the release's
 * launcher as {@code kubectl_complete-zonecost} answering kubectl's plugin completion, and bash
 * finding {@code zonecost completion}'s script for {@code scripts/zonecost} by its last path
 * component. Runs after {@code package}: it uses the shaded jar.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CompletionIT {
  static final Path JAR = Path.of("target/zonecost.jar").toAbsolutePath();

  @TempDir Path dir;

  /** A release's layout: bin/ holds the launcher under the names release.sh gives it. */
  Path release() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("rel/bin"));
    for (String name : List.of("zonecost", "kubectl-zonecost", "kubectl_complete-zonecost")) {
      Files.copy(
          Path.of("packaging/bin/zonecost"), bin.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
      bin.resolve(name).toFile().setExecutable(true);
    }
    Files.createSymbolicLink(dir.resolve("rel/runtime"), Path.of(System.getProperty("java.home")));
    Files.createDirectories(dir.resolve("rel/lib"));
    Files.createSymbolicLink(dir.resolve("rel/lib/zonecost.jar"), JAR);
    return bin;
  }

  static String run(Path cwd, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bounded: " + String.join(" ", command));
    assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
    return out;
  }

  @Test
  void kubectl_completes_the_plugins_commands_options_and_values() throws Exception {
    Path bin = release();
    Map<String, String> env =
        Map.of(
            "PATH", bin + ":/usr/bin:/bin",
            "HOME", dir.toString(),
            "KUBECONFIG", dir.resolve("none").toString());
    // kubectl's own completion entry point, as its bash/zsh scripts call it on TAB.
    String commands = run(dir, env, "kubectl", "__complete", "zonecost", "re");
    assertEquals(List.of("report", "reconcile", ":4"), commands.lines().toList(), commands);
    String values = run(dir, env, "kubectl", "__complete", "zonecost", "report", "-o", "");
    assertEquals(
        List.of("table", "wide", "csv", "json", "yaml", "markdown", "html", ":4"),
        values.lines().toList());
    String options = run(dir, env, "kubectl", "__complete", "zonecost", "doctor", "--fix");
    assertEquals(List.of("--fix-hints", ":4"), options.lines().toList());
    String files =
        run(dir, env, "kubectl", "__complete", "zonecost", "report", "--output-file", "");
    assertEquals(":0", files.lines().reduce((a, b) -> b).orElse(""), "file names: " + files);
  }

  @Test
  void bash_completes_scripts_zonecost_with_the_zonecost_script() throws Exception {
    Path script = dir.resolve("zonecost.bash");
    Files.writeString(
        script,
        run(dir, Map.of("PATH", "/usr/bin:/bin"), "java", "-jar", JAR.toString(), "completion"));
    Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(dir.resolve("scripts/zonecost"), "#!/bin/sh\n");
    dir.resolve("scripts/zonecost").toFile().setExecutable(true);
    ProcessBuilder pb =
        new ProcessBuilder("script", "-qc", "bash --norc --noprofile -i", "/dev/null")
            .directory(dir.toFile())
            .redirectErrorStream(true);
    pb.environment().put("TERM", "dumb");
    Process bash = pb.start();
    try {
      OutputStream in = bash.getOutputStream();
      InputStream out = bash.getInputStream();
      in.write(("source " + script + "; PS1=READY'> '\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      awaitText(out, "READY> ");
      in.write("scripts/zonecost rep\t".getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertTrue(awaitText(out, "scripts/zonecost report ").contains("report "));
      in.write("\u0015./scripts/zonecost doc\t".getBytes(StandardCharsets.UTF_8));
      in.flush();
      awaitText(out, "./scripts/zonecost doctor ");
    } finally {
      bash.destroyForcibly();
    }
  }

  /** Reads until {@code text} appears; fails after 60 s (bounded, not a timing assertion). */
  static String awaitText(InputStream in, String text) throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (in.available() > 0) {
        seen.write(in.read());
        if (seen.toString(StandardCharsets.UTF_8).contains(text)) {
          return seen.toString(StandardCharsets.UTF_8);
        }
      } else {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no '" + text + "' in: " + seen.toString(StandardCharsets.UTF_8));
  }
}
