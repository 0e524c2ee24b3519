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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
   * {@code --dedupe auto} on hand-made series, one 5-minute interval at level low and high: a pod
   * pair on one node (EGRESS only, two passes on one agent), a pair across nodes (EGRESS on the
   * opener's node, INGRESS on the peer's), Service traffic on one node (the ClusterIP series left
   * out, the server's veth INGRESS once), outside traffic with its masqueraded copy, and a kubelet
   * probe from the pod's own node (once). Every pair sends 100 bytes a minute.
   */
  @ParameterizedTest
  @ValueSource(strings = {"low", "high"})
  void auto_counts_each_kind_of_pair_once(String level, @TempDir Path dir)
      throws IOException, InterruptedException {
    boolean low = level.equals("low");
    int across = low ? 2 : 1;
    StringBuilder in = new StringBuilder();
    pod(in, "a", "client-6d4cf56db6-x1", "10.0.0.1", "n1");
    pod(in, "b", "server-7b9c8d7f5c-y1", "10.0.0.2", "n1");
    pod(in, "b", "server-7b9c8d7f5c-y2", "10.0.0.3", "n2");
    in.append(series("kube_node_labels{node=\"n1\", label_topology_kubernetes_io_zone=\"z1\"}", 0));
    in.append(series("kube_node_labels{node=\"n2\", label_topology_kubernetes_io_zone=\"z2\"}", 0));
    in.append(
        series(
            "kube_service_info{namespace=\"b\", service=\"server\", cluster_ip=\"10.96.0.9\"}", 0));
    // pod IP, one node: the opener's agent, EGRESS, twice at both levels
    in.append(forward("EGRESS", "n1", client(), server("y1", "10.0.0.2"), 200));
    // pod IP, two nodes
    in.append(forward("EGRESS", "n1", client(), server("y2", "10.0.0.3"), 100 * across));
    in.append(forward("INGRESS", "n2", client(), server("y2", "10.0.0.3"), 100 * across));
    // through a Service on one node: the ClusterIP series, and the server's veth
    in.append(forward("EGRESS", "n1", client(), outside("10.96.0.9"), 100));
    in.append(forward("INGRESS", "n1", server("y1", "10.0.0.2"), client(), 100));
    // to the outside, masqueraded at low: the pod's veth once, the node's IP copy left out
    in.append(forward("EGRESS", "n1", client(), outside("203.0.113.7"), 100));
    if (low) {
      in.append(forward("EGRESS", "n1", outside("10.1.0.1"), outside("203.0.113.7"), 100));
    }
    // a kubelet probe from n2 to the pod on n2: its veth once
    in.append(forward("INGRESS", "n2", outside("10.1.0.2"), server("y2", "10.0.0.3"), 100));

    CliRun rules =
        CliRun.run(
            Clock.systemUTC(), "rules", "--interval", "5m", "--data-aggregation-level", level);
    assertEquals(0, rules.exitCode(), rules.describe());
    Files.writeString(dir.resolve("rules.yml"), rules.out());
    String w = "source_namespace=\"a\", source_workload=\"client\", source_zone=\"z1\"";
    String t =
        "rule_files: [rules.yml]\nevaluation_interval: 5m\ntests:\n  - interval: 1m\n"
            + "    input_series:\n"
            + in
            + "    promql_expr_test:\n"
            + "      - expr: zonecost:retina_pair_zone_bytes:increase5m\n"
            + "        eval_time: 10m\n"
            + "        exp_samples:\n"
            + sample(
                w
                    + ", destination_namespace=\"b\", destination_workload=\"server\","
                    + " destination_zone=\"z1\"",
                500)
            + sample(
                w
                    + ", destination_namespace=\"b\", destination_workload=\"server\","
                    + " destination_zone=\"z2\"",
                500)
            + sample(
                "source_namespace=\"b\", source_workload=\"server\", source_zone=\"z1\","
                    + " destination_namespace=\"a\", destination_workload=\"client\","
                    + " destination_zone=\"z1\"",
                500)
            + sample(
                w + ", destination_namespace=\"unknown\", destination_workload=\"unknown\"", 500)
            + sample(
                "source_namespace=\"(node)\", source_workload=\"n2\", source_zone=\"z2\","
                    + " destination_namespace=\"b\", destination_workload=\"server\","
                    + " destination_zone=\"z2\"",
                500);
    Files.writeString(dir.resolve("test.yml"), t);
    Process p =
        new ProcessBuilder("promtool", "test", "rules", "test.yml")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "promtool test rules finished");
    assertEquals(0, p.exitValue(), out + "\n" + t);
  }

  private static void pod(StringBuilder in, String ns, String pod, String ip, String node) {
    String host = node.equals("n1") ? "10.1.0.1" : "10.1.0.2";
    in.append(
        series(
            "kube_pod_info{namespace=\""
                + ns
                + "\", pod=\""
                + pod
                + "\", pod_ip=\""
                + ip
                + "\", node=\""
                + node
                + "\", host_ip=\""
                + host
                + "\"}",
            0));
  }

  private static String[] client() {
    return new String[] {"a", "client-6d4cf56db6-x1", "10.0.0.1", "client-6d4cf56db6"};
  }

  private static String[] server(String suffix, String ip) {
    return new String[] {"b", "server-7b9c8d7f5c-" + suffix, ip, "server-7b9c8d7f5c"};
  }

  private static String[] outside(String ip) {
    return new String[] {"unknown", "unknown", ip, "unknown"};
  }

  /** A Retina series from minute 0 growing by {@code perMinute}, seen by agent {@code node}. */
  private static String forward(
      String direction, String node, String[] src, String[] dst, long perMinute) {
    StringBuilder l = new StringBuilder("networkobservability_adv_forward_bytes{");
    l.append("direction=\"").append(direction).append("\", instance=\"").append(node).append('"');
    String[][] ends = {src, dst};
    String[] sides = {"source", "destination"};
    for (int i = 0; i < 2; i++) {
      l.append(", ").append(sides[i]).append("_namespace=\"").append(ends[i][0]).append('"');
      l.append(", ").append(sides[i]).append("_podname=\"").append(ends[i][1]).append('"');
      l.append(", ").append(sides[i]).append("_ip=\"").append(ends[i][2]).append('"');
      l.append(", ").append(sides[i]).append("_workload_name=\"").append(ends[i][3]).append('"');
    }
    return series(l.append('}').toString(), perMinute);
  }

  /** Eleven samples, one a minute from 0, growing by {@code perMinute} (1 each when 0). */
  private static String series(String selector, long perMinute) {
    return "      - series: '"
        + selector
        + "'\n        values: '"
        + (perMinute == 0 ? "1x10" : "0+" + perMinute + "x10")
        + "'\n";
  }

  private static String sample(String labels, long value) {
    return "          - labels: 'zonecost:retina_pair_zone_bytes:increase5m{"
        + labels
        + "}'\n            value: "
        + value
        + "\n";
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
