package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second real ruler: {@code zonecost rules} run by {@code vmalert} (Debian's {@code
 * victoria-metrics} package) in replay mode against VictoriaMetrics holding the simulator's {@code
 * edge} cluster (Service traffic through kube-proxy, traffic to and from nodes, level low). Every
 * recording rule records, the chained ones included (zone pairs, cross-zone bytes, cost, the hourly
 * roll-up); the jump alert evaluates, pends and fires (the day before has almost no traffic); the
 * recorded per-pair series equals the expression evaluated by VictoriaMetrics itself at every
 * interval, and {@code report --use-recording-rules} reads it back: every locality against the
 * exact report.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class VmalertRulesIT {
  private static final Instant END = Instant.parse("2026-11-01T03:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private static final String PAIR = "zonecost:retina_pair_zone_bytes:increase5m";

  @Test
  void vmalert_records_every_rule_and_fires_the_alert(@TempDir Path tmp) throws Exception {
    SimulatedCluster cluster =
        Simulator.generate(
            SimulationSpec.builder("edge", END).hours(3).seed(42).hostTraffic(true).build());
    try (VictoriaMetricsServer vm = VictoriaMetricsServer.start(tmp)) {
      vm.importOpenMetrics(cluster::writeOpenMetrics);
      vm.awaitSamples(
          "{__name__=~\".+\"}",
          END,
          Duration.between(cluster.dataStart(), END).plusHours(1),
          cluster.sampleCount());
      Instant start = cluster.start();
      RecordedLocalities exact =
          RecordedLocalities.ofReport(new ObjectMapper().readTree(report(vm, start, "-o", "json")));
      Path rules = tmp.resolve("rules.yml");
      Files.writeString(rules, cli("rules", "--cloud", "aws", "--interval", "5m"));
      String log = vm.replay(rules, start, END);
      System.out.println(
          "VmalertRulesIT: "
              + log.lines().filter(l -> l.contains("replay finished")).findFirst().orElse(""));

      // Every recorded series is there, the chained ones too.
      for (String name :
          new String[] {
            PAIR,
            "zonecost:retina_zone_pair_bytes:increase5m",
            "zonecost:retina_cross_zone_bytes:increase5m",
            "zonecost:retina_cross_zone_cost:increase5m",
            PAIR + "_sum1h"
          }) {
        JsonNode r = query(vm, "count(count_over_time(" + name + "[4h]))");
        assertTrue(r.size() > 0 && r.get(0).get("value").get(1).asDouble() > 0, name + " recorded");
      }
      // The alert pended for its 15 minutes, then fired.
      JsonNode firing =
          query(
              vm,
              "count_over_time(ALERTS{alertname=\"ZonecostCrossZoneBytesJump\", alertstate=\"firing\"}[4h])");
      assertTrue(firing.size() > 0, "the jump alert fired");

      // What vmalert recorded is the expression at every interval, as VictoriaMetrics evaluates it.
      String expr =
          new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
              .readTree(rules.toFile())
              .get("groups")
              .get(0)
              .get("rules")
              .get(0)
              .get("expr")
              .asText();
      RecordedLocalities direct = RecordedLocalities.ofSeries(vm.url(), expr, start, END, INTERVAL);
      // (raw samples: a range query would repeat a series' last sample into the next interval)
      RecordedLocalities recorded = RecordedLocalities.ofSamples(vm.url(), PAIR, start, END);
      System.out.printf("VmalertRulesIT: recorded / direct: %s%n", recorded.against(direct));
      assertEquals(direct.same(), recorded.same(), 1, "vmalert recorded every interval");
      assertEquals(direct.cross(), recorded.cross(), 1, "vmalert recorded every interval");
      assertEquals(direct.unknown(), recorded.unknown(), 1, "vmalert recorded every interval");

      // report --use-recording-rules reads it back; each locality against the exact report.
      RecordedLocalities read =
          RecordedLocalities.ofReport(
              new ObjectMapper()
                  .readTree(report(vm, start, "--use-recording-rules", "-o", "json")));
      System.out.printf(
          "VmalertRulesIT: report --use-recording-rules / report: %s%n", read.against(exact));
      assertEquals(Math.round(recorded.same()), Math.round(read.same()));
      assertEquals(Math.round(recorded.cross()), Math.round(read.cross()));
      assertEquals(Math.round(recorded.unknown()), Math.round(read.unknown()));
      MonitoringIT.assertWithinTheDocumentedDifference(read, exact);
    }
  }

  private static String report(VictoriaMetricsServer vm, Instant start, String... more) {
    String[] args = {
      "report", "--prometheus-url", vm.url(), "--start", start.toString(), "--end", END.toString()
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return cli(all);
  }

  private static String cli(String... args) {
    CliRun r = CliRun.run(Clock.fixed(END, ZoneOffset.UTC), args);
    assertEquals(0, r.exitCode(), r.describe());
    return r.out();
  }

  private static JsonNode query(VictoriaMetricsServer vm, String expr) throws Exception {
    return RecordedLocalities.post(
        vm.url(),
        "/api/v1/query",
        "query=" + RecordedLocalities.enc(expr) + "&time=" + END.getEpochSecond());
  }
}
