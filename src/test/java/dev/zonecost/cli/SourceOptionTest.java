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

/** {@code --source} on the commands that read counters, and {@code simulate --source}. */
class SourceOptionTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void an_unknown_source_is_one_line_and_exit_2() {
    CliRun run = CliRun.run(CLOCK, "query", "--since", "1h", "--source", "hubble");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("unknown --source 'hubble'"), run.describe());
    assertEquals(1, run.err().strip().lines().count(), run.describe());
  }

  @Test
  void query_prints_beylas_counter_without_service_owner_copies() {
    CliRun run = CliRun.run(CLOCK, "query", "--since", "1h", "--source", "beyla");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(
        run.out()
            .contains(
                "resets(beyla_network_flow_bytes_total{k8s_src_owner_type!=\"Service\","
                    + " k8s_dst_owner_type!=\"Service\"}[3600s])"),
        run.out());
    assertTrue(run.out().contains("obi_network_flow_bytes_total"), "the other names it may have");
    assertFalse(run.out().contains("networkobservability_adv_forward_bytes"), run.out());
  }

  @Test
  void query_prints_both_of_istios_counters_and_the_pod_owners() {
    CliRun run = CliRun.run(CLOCK, "query", "--since", "1h", "--source", "istio");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(
        run.out().contains("istio_tcp_received_bytes_total{reporter=\"source\"}"), run.out());
    assertTrue(run.out().contains("istio_tcp_sent_bytes_total{reporter=\"source\"}"), run.out());
    assertTrue(run.out().contains("created_by_kind"), run.out());
  }

  @Test
  void query_under_auto_prints_retinas_plan_as_before() {
    CliRun auto = CliRun.run(CLOCK, "query", "--since", "1h");
    CliRun retina = CliRun.run(CLOCK, "query", "--since", "1h", "--source", "retina");
    assertEquals(retina.out(), auto.out());
    assertTrue(auto.out().contains("networkobservability_adv_forward_bytes"));
  }

  @Test
  void rules_refuse_beyla_saying_why_and_read_istio() {
    CliRun run = CliRun.run(CLOCK, "rules", "--source", "beyla");
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("cannot read --source beyla: Beyla's copy rule"), run.describe());
    CliRun istio = CliRun.run(CLOCK, "rules", "--source", "istio");
    assertEquals(0, istio.exitCode(), istio.describe());
    assertTrue(istio.out().contains("istio_tcp_received_bytes_total{reporter=\"source\""));
    assertTrue(istio.out().contains("istio_tcp_sent_bytes_total{reporter=\"source\""));
    CliRun dashboard = CliRun.run(CLOCK, "dashboard", "--source", "istio");
    assertEquals(0, dashboard.exitCode(), dashboard.describe());
  }

  @Test
  void simulate_writes_the_sources_series_and_refuses_an_unknown_one() throws Exception {
    CliRun run =
        CliRun.run(
            CLOCK, "simulate", "--scenario", "seed", "--source", "istio", "--out-dir", "" + tmp);
    assertEquals(0, run.exitCode(), run.describe());
    String om = Files.readString(tmp.resolve("cluster.om"));
    assertTrue(om.contains("istio_tcp_sent_bytes_total{reporter=\"source\""), run.describe());
    assertTrue(Files.readString(tmp.resolve("expected.json")).contains("\"source\" : \"istio\""));
    CliRun bad =
        CliRun.run(
            CLOCK,
            "simulate",
            "--scenario",
            "seed",
            "--source",
            "linkerd",
            "--out-dir",
            "" + tmp.resolve("bad"));
    assertEquals(2, bad.exitCode(), bad.describe());
    assertFalse(Files.exists(tmp.resolve("bad").resolve("cluster.om")));
  }
}
