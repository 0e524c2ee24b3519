package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zonecost.yaml: where it is found, what wins, and how a broken one is reported. */
class ConfigFileTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  private CliRun run(Map<String, String> env, String... args) {
    return CliRun.run(Clock.systemUTC(), env, dir, args);
  }

  private static String line(CliRun run, String key) {
    return run.out().lines().filter(l -> l.startsWith(key + ":")).findFirst().orElse("");
  }

  @Test
  void should_take_flag_over_env_over_file_over_default() throws Exception {
    write(
        "zonecost.yaml",
        "prometheus-url: http://from-file:9090\nsince: 6h\ndedupe: max\nreport:\n  output: wide\n");
    Map<String, String> env =
        Map.of("HOME", "/nonexistent", "PROMETHEUS_URL", "http://from-env:9090");
    CliRun view = run(env, "config", "view");
    assertEquals(0, view.exitCode(), view.describe());
    assertEquals(
        "prometheus-url: http://from-env:9090  # env PROMETHEUS_URL", line(view, "prometheus-url"));
    assertEquals("since: 6h  # zonecost.yaml:2", line(view, "since"));
    assertEquals("output: wide  # zonecost.yaml:5", line(view, "output"));
    assertTrue(line(view, "data-aggregation-level").endsWith("# default"), view.describe());

    CliRun noEnv = run(Map.of("HOME", "/nonexistent"), "config", "view");
    assertEquals(
        "prometheus-url: http://from-file:9090  # zonecost.yaml:1", line(noEnv, "prometheus-url"));

    // and the values are really used: the query command prints the file's 6h window and max mode
    CliRun query = run(env, "query", "--end", "2026-11-01T06:00:00Z");
    assertTrue(query.out().contains("[21600s]"), query.describe());
    assertTrue(query.out().contains("(?i)egress|ingress"), query.describe());
    CliRun flag = run(env, "query", "--end", "2026-11-01T06:00:00Z", "--since", "1h");
    assertTrue(flag.out().contains("[3600s]"), "a flag beats the file\n" + flag.describe());
  }

  @Test
  void should_read_an_explicit_config_and_the_xdg_one() throws Exception {
    Path explicit = write("ci.yaml", "since: 2h\n");
    CliRun a =
        run(Map.of("HOME", "/nonexistent"), "--config", explicit.toString(), "config", "view");
    assertEquals("since: 2h  # ci.yaml:1", line(a, "since"), a.describe());
    Path xdg = dir.resolve("xdg");
    Files.createDirectories(xdg.resolve("zonecost"));
    Files.writeString(xdg.resolve("zonecost/config.yaml"), "since: 3h\n");
    CliRun b = run(Map.of("XDG_CONFIG_HOME", xdg.toString()), "config", "view");
    assertEquals("since: 3h  # config.yaml:1", line(b, "since"), b.describe());
  }

  @Test
  void should_name_file_line_and_key_for_an_unknown_key() throws Exception {
    write("zonecost.yaml", "since: 2h\nprometheus-uri: http://x\n");
    CliRun run = run(Map.of("HOME", "/nonexistent"), "query");
    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(
        "zonecost: zonecost.yaml:2: unknown option 'prometheus-uri' (keys are long option names without --)\n",
        run.err());
  }

  @Test
  void should_name_file_line_and_key_for_a_wrong_type() throws Exception {
    write("zonecost.yaml", "report:\n  retries: many\n");
    CliRun run = run(Map.of("HOME", "/nonexistent"), "query");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(
        run.err().contains("zonecost.yaml:2: retries: 'many' is not a whole number"),
        run.describe());
    write("zonecost.yaml", "dedupe: twice\n");
    CliRun enumRun = run(Map.of("HOME", "/nonexistent"), "query");
    assertTrue(
        enumRun
            .err()
            .contains(
                "zonecost.yaml:1: dedupe: 'twice' is not one of auto egress ingress max none"),
        enumRun.describe());
    write("zonecost.yaml", "since: [1h, 2h]\n");
    assertTrue(
        run(Map.of("HOME", "/nonexistent"), "query")
            .err()
            .contains("zonecost.yaml:1: since: must be a single value"));
    write("zonecost.yaml", "since: 1h\n  bad: [\n");
    CliRun yaml = run(Map.of("HOME", "/nonexistent"), "query");
    assertEquals(2, yaml.exitCode(), yaml.describe());
    assertTrue(yaml.err().contains("zonecost.yaml:"), yaml.describe());
  }

  @Test
  void should_refuse_a_missing_explicit_config() {
    CliRun run =
        run(
            Map.of("HOME", "/nonexistent"),
            "--config",
            dir.resolve("nope.yaml").toString(),
            "query");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("does not exist"), run.describe());
  }

  @Test
  void should_mask_inline_secrets_in_config_view() throws Exception {
    write("zonecost.yaml", "report:\n  header: 'Authorization: Bearer s3cr3t'\n");
    CliRun view = run(Map.of("HOME", "/nonexistent"), "config", "view");
    assertEquals(0, view.exitCode(), view.describe());
    assertFalse(view.out().contains("s3cr3t"), view.describe());
    assertEquals("header: set  # zonecost.yaml:2", line(view, "header"), view.describe());
    Files.delete(dir.resolve("zonecost.yaml"));
    CliRun unset = run(Map.of("HOME", "/nonexistent"), "config", "view");
    assertEquals("header: unset  # default", line(unset, "header"), unset.describe());
    assertFalse(unset.out().contains("****"), unset.describe());
  }

  @Test
  void should_show_the_real_defaults_of_a_command_not_blanks() throws Exception {
    Map<String, String> env = Map.of("HOME", "/nonexistent");
    CliRun report = run(env, "config", "view", "--command", "report");
    assertEquals(0, report.exitCode(), report.describe());
    Path golden = Path.of("src/test/resources/golden/config-view.report.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, report.out());
    }
    assertEquals(Files.readString(golden), report.out());
    assertEquals("since: 24h  # default", line(report, "since"));
    assertEquals("end: now  # default", line(report, "end"));
    assertEquals("cloud: aws  # default", line(report, "cloud"));
    assertEquals(
        "prometheus-url: (unset)  # default: $PROMETHEUS_URL", line(report, "prometheus-url"));
    assertTrue(
        report.out().lines().noneMatch(l -> l.matches("[a-z-]+: +#.*")),
        "no blank value:\n" + report.out());
    CliRun doctor = run(env, "config", "view", "--command", "doctor");
    assertEquals("since: 1h  # default", line(doctor, "since"), doctor.describe());
  }
}
