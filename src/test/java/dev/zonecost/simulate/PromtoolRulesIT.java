package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.ClusterModel.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promtool test rules} on {@code zonecost rules}' recording rules, with the simulator's
 * series as the input series and the simulator's own answer for each 5-minute interval as the
 * expected samples. The cluster routes by pod IP and the rules run {@code --dedupe egress} at level
 * low, where the rules' join is exact for every pair of two known pods (the other caveats of {@code
 * query --grafana} — external peers, pods unknown to kube-state-metrics — are left out of the
 * expectation and named); intervals with a series born, ended or reset inside are skipped, since a
 * rule compares the interval's two ends only.
 */
class PromtoolRulesIT {
  private static final Duration INTERVAL = Duration.ofMinutes(5);

  @Test
  void recording_rules_give_the_simulators_bytes_per_interval(@TempDir Path dir)
      throws IOException, InterruptedException {
    SimulatedCluster c =
        Simulator.generate(
            SimulationSpec.builder("seed", Instant.parse("2026-11-01T02:00:00Z"))
                .hours(1)
                .seed(42)
                .history(Duration.ofHours(1))
                .routing(Routing.POD_IP_ONLY)
                .build());
    CliRun rules =
        CliRun.run(
            Clock.systemUTC(),
            "rules",
            "--interval",
            "5m",
            "--dedupe",
            "egress",
            "--data-aggregation-level",
            "low");
    assertEquals(0, rules.exitCode(), rules.describe());
    Path rulesFile = dir.resolve("rules.yml");
    Files.writeString(rulesFile, rules.out());

    List<Instant> evals = cleanIntervalEnds(c);
    assertTrue(evals.size() >= 3, "clean intervals: " + evals);
    StringBuilder t = new StringBuilder();
    t.append("rule_files: [rules.yml]\nevaluation_interval: 5m\ntests:\n");
    t.append("  - interval: ").append(c.scrapeInterval().toSeconds()).append("s\n");
    t.append("    input_series:\n");
    for (Series s : c.series()) {
      t.append("      - series: '").append(selector(s.family(), s.labels())).append("'\n");
      t.append("        values: '").append(values(c, s)).append("'\n");
    }
    t.append("    promql_expr_test:\n");
    int samples = 0;
    for (Instant end : evals) {
      Map<String, Long> want = new TreeMap<>();
      for (TrafficRow r :
          c.answer().expected(end.minus(INTERVAL), end, Duration.ofHours(1), DedupeMode.EGRESS)) {
        if (r.locality() == Locality.UNKNOWN_ZONE || r.bytes() == 0) {
          continue; // external peers drop out of the rules' join (README)
        }
        Map<String, String> l = new TreeMap<>();
        l.put("source_namespace", r.key().source().namespace());
        l.put("source_workload", r.key().source().name());
        l.put("source_zone", r.key().sourceZone());
        l.put("destination_namespace", r.key().destination().namespace());
        l.put("destination_workload", r.key().destination().name());
        l.put("destination_zone", r.key().destinationZone());
        want.merge(selector("", l), r.bytes(), Long::sum);
      }
      // The simulator rounds each row half up, as Prometheus' round() does.
      t.append("      - expr: round(zonecost:retina_pair_zone_bytes:increase5m > 0)\n");
      t.append("        eval_time: ")
          .append(Duration.between(c.dataStart(), end).toSeconds())
          .append("s\n");
      t.append("        exp_samples:\n");
      for (var e : want.entrySet()) {
        t.append("          - labels: '").append(e.getKey()).append("'\n");
        t.append("            value: ").append(e.getValue()).append("\n");
        samples++;
      }
    }
    Path test = dir.resolve("test.yml");
    Files.writeString(test, t);
    Process p =
        new ProcessBuilder("promtool", "test", "rules", test.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "promtool test rules finished");
    System.out.printf(
        "PromtoolRulesIT: %d intervals, %d expected samples, %d input series%n",
        evals.size(), samples, c.series().size());
    assertEquals(0, p.exitValue(), out);
    assertTrue(samples > 20, "the intervals carry traffic");
  }

  /**
   * Ends of 5-minute intervals on the scrape grid in which no Retina series begins, ends or resets:
   * there a rule's {@code x - x offset 5m} is the interval's bytes.
   */
  private static List<Instant> cleanIntervalEnds(SimulatedCluster c) {
    int per = (int) (INTERVAL.toSeconds() / c.scrapeInterval().toSeconds());
    int steps =
        (int)
            (Duration.between(c.dataStart(), c.end()).toSeconds() / c.scrapeInterval().toSeconds());
    List<Instant> out = new ArrayList<>();
    for (int end = 2 * per; end <= steps; end += per) {
      boolean clean = true;
      for (Series s : c.series()) {
        if (!s.family().equals(SimulatedCluster.RETINA_FORWARD_BYTES)) {
          continue;
        }
        BitSet present = c.presentSteps(s);
        int inside = present.get(end - per, end + 1).cardinality();
        if (inside != 0 && inside != per + 1) {
          clean = false;
          break;
        }
        if (inside > 0) {
          long[] v = s.valuesOrNull();
          for (int k = end - per + 1; k <= end; k++) {
            if (v[k - s.from()] < v[k - 1 - s.from()]) {
              clean = false;
            }
          }
        }
      }
      if (clean) {
        out.add(c.time(end));
      }
    }
    return out;
  }

  private static String selector(String family, Map<String, String> labels) {
    StringBuilder b = new StringBuilder(family).append('{');
    boolean first = true;
    for (var e : labels.entrySet()) {
      b.append(first ? "" : ", ").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
      first = false;
    }
    return b.append('}').toString();
  }

  /** promtool's values notation: one value per scrape from step 0, {@code _} where missing. */
  private static String values(SimulatedCluster c, Series s) {
    BitSet present = c.presentSteps(s);
    long[] v = s.valuesOrNull();
    StringBuilder b = new StringBuilder();
    for (int k = 0; k <= present.length() - 1; k++) {
      b.append(k == 0 ? "" : " ");
      b.append(!present.get(k) ? "_" : String.valueOf(v == null ? 1 : v[k - s.from()]));
    }
    return b.toString();
  }
}
