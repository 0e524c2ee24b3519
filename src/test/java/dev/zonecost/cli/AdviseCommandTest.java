package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** advise's usage errors: one line on stderr, exit 2, nothing sent, no output file. */
class AdviseCommandTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);
  // Nothing listens here: a usage error must come before any request.
  static final String URL = "http://127.0.0.1:9";

  @TempDir Path tmp;

  static void assertUsage(CliRun r, String message) {
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.describe());
    assertTrue(r.err().contains(message), r.describe());
    assertEquals("", r.out(), r.describe());
  }

  @Test
  void help_has_examples() {
    CliRun r = CliRun.run(CLOCK, "advise", "--help");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().contains("zonecost advise --since 7d --services-file services.json"));
    assertTrue(r.out().contains("--max-avoidable-cost"));
  }

  @Test
  void refuses_a_kubernetes_version_it_cannot_read() {
    assertUsage(
        CliRun.run(CLOCK, "advise", "--prometheus-url", URL, "--kubernetes-version", "latest"),
        "--kubernetes-version: not a Kubernetes version: 'latest'");
  }

  @Test
  void refuses_a_services_file_it_cannot_read_before_any_query() throws Exception {
    Path bad = tmp.resolve("svc.json");
    Files.writeString(bad, "[1, 2]");
    Path out = tmp.resolve("advice.json");
    CliRun r =
        CliRun.run(
            CLOCK,
            "advise",
            "--prometheus-url",
            URL,
            "--services-file",
            bad.toString(),
            "--output-file",
            out.toString());
    assertUsage(r, "kubectl get svc -A -o json");
    assertFalse(Files.exists(out), "no half-written output file");
    assertUsage(
        CliRun.run(
            CLOCK,
            "advise",
            "--prometheus-url",
            URL,
            "--services-file",
            tmp.resolve("missing.json").toString()),
        "missing.json: no such file");
  }

  @Test
  void is_always_per_service() {
    assertUsage(
        CliRun.run(CLOCK, "advise", "--prometheus-url", URL, "--group-by", "workload"),
        "advise is always per Service");
    assertUsage(
        CliRun.run(CLOCK, "advise", "--prometheus-url", URL, "--by-cluster"),
        "use --cluster instead of --by-cluster");
  }

  @Test
  void needs_retinas_clusterip_series() {
    assertUsage(
        CliRun.run(CLOCK, "advise", "--prometheus-url", URL, "--source", "beyla"),
        "advise reads the Services clients called from Retina's ClusterIP series: drop --source"
            + " beyla");
  }

  @Test
  void refuses_an_unknown_datapath_and_format() {
    CliRun r = CliRun.run(CLOCK, "advise", "--prometheus-url", URL, "--datapath", "calico");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.describe());
    assertTrue(r.err().contains("kube-proxy, cilium-service-topology or cilium"), r.describe());
    CliRun html = CliRun.run(CLOCK, "advise", "--prometheus-url", URL, "-o", "html");
    assertEquals(ExitCodes.USAGE, html.exitCode(), html.describe());
  }

  @Test
  void check_refuses_a_bad_avoidable_cost() {
    CliRun r = CliRun.run(CLOCK, "check", "--prometheus-url", URL, "--max-avoidable-cost", "lots");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.describe());
    assertTrue(r.err().contains("--max-avoidable-cost"), r.describe());
  }
}
