package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.simulate.ExpectedAnswer;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ends that are nodes (DESIGN §3, "Ends that are nodes") on a real back end: the edge cluster with
 * {@code --host-traffic} — kubelet probes, a host-network client and host-network servers on the
 * same node and across zones, NodePort traffic a node forwards to a pod in another zone with its
 * outside client's leg — exact to the byte at both levels, the nodes named with their zones; and
 * {@code --node-traffic unknown} giving the old row keys with the corrected bytes.
 */
abstract class NodeTrafficContract {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  @TempDir Path tmp;

  abstract Backend start(Path dir, SimulatedCluster c) throws Exception;

  static SimulatedCluster cluster(DataAggregationLevel level) {
    return Simulator.generate(
        SimulationSpec.builder("edge", END)
            .hours(2)
            .level(level)
            .seed(42)
            .hostTraffic(true)
            .build());
  }

  @ParameterizedTest
  @EnumSource(DataAggregationLevel.class)
  void node_ends_are_the_nodes_with_their_zones_exact_to_the_byte(DataAggregationLevel level)
      throws Exception {
    SimulatedCluster c = cluster(level);
    try (Backend b = start(tmp.resolve("nodes-" + level.label()), c)) {
      JsonNode doc = ExactAnswer.assertExact(b.name, b.url, c, level, c.start(), c.end(), false);
      String rows = doc.get("rows").toString();
      assertTrue(rows.contains("\"source_namespace\":\"(node)\""), "node sources: " + rows);
      assertTrue(rows.contains("\"destination_namespace\":\"(node)\""), "node peers: " + rows);
      String notes = doc.get("metadata").get("notes").toString();
      assertTrue(notes.contains("bytes went to or from nodes"), notes);
      for (JsonNode row : doc.get("rows")) {
        JsonNode src = row.get("sources");
        long kinds =
            src.get("ingress").asLong()
                + src.get("egress").asLong()
                + src.get("outside").asLong()
                + (src.has("node") ? src.get("node").asLong() : 0);
        assertTrue(Math.abs(kinds - row.get("bytes").asLong()) <= 2, row.toString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DataAggregationLevel.class)
  void node_traffic_unknown_keeps_the_old_keys_with_the_corrected_bytes(DataAggregationLevel level)
      throws Exception {
    SimulatedCluster c = cluster(level);
    try (Backend b = start(tmp.resolve("unknown-" + level.label()), c)) {
      ExactAnswer.assertRows(
          b.name,
          b.url,
          c,
          level,
          c.start(),
          c.end(),
          false,
          ExpectedAnswer.nodesAsUnknown(c.answer().expected()),
          "--node-traffic",
          "unknown");
    }
  }

  /**
   * A managed database in the cloud network, in a subnet of another zone: without {@code --subnets}
   * its rows are unknown-zone (above); with them it is a place with its zone, so its traffic is
   * cross-zone, as the bill says — bytes unchanged.
   */
  @ParameterizedTest
  @EnumSource(DataAggregationLevel.class)
  void with_subnets_the_database_rows_carry_its_zone(DataAggregationLevel level) throws Exception {
    SimulatedCluster c = cluster(level);
    Path subnets = tmp.resolve("subnets-" + level.label() + ".yaml");
    java.nio.file.Files.writeString(subnets, c.subnetsYaml());
    try (Backend b = start(tmp.resolve("subnets-" + level.label()), c)) {
      JsonNode doc =
          ExactAnswer.assertRows(
              b.name,
              b.url,
              c,
              level,
              c.start(),
              c.end(),
              false,
              c.answer().expectedWithSubnets(c.start(), c.end()),
              "--subnets",
              subnets.toString());
      String rows = doc.get("rows").toString();
      assertTrue(rows.contains("\"destination_workload\":\"rds-c\""), rows);
    }
  }

  /**
   * Everything issue 26 names on one cluster: node ends, the database in its subnet, a CronJob's
   * runs, kube-state-metrics scraped without honor_labels — exact at both levels, with the notes.
   */
  @ParameterizedTest
  @EnumSource(DataAggregationLevel.class)
  void every_real_set_up_together_is_exact(DataAggregationLevel level) throws Exception {
    SimulatedCluster c =
        Simulator.generate(
            SimulationSpec.builder("edge", END)
                .hours(2)
                .level(level)
                .seed(42)
                .hostTraffic(true)
                .cronJob(true)
                .ksmExportedLabels(true)
                .build());
    Path subnets = tmp.resolve("all-" + level.label() + ".yaml");
    java.nio.file.Files.writeString(subnets, c.subnetsYaml());
    try (Backend b = start(tmp.resolve("all-" + level.label()), c)) {
      JsonNode doc =
          ExactAnswer.assertRows(
              b.name,
              b.url,
              c,
              level,
              c.start(),
              c.end(),
              false,
              c.answer().expectedWithSubnets(c.start(), c.end()),
              "--subnets",
              subnets.toString());
      String notes = doc.get("metadata").get("notes").toString();
      assertTrue(notes.contains("exported_"), notes);
      assertTrue(notes.contains("bytes went to or from nodes"), notes);
      assertTrue(doc.get("metadata").get("rollups").size() > 0, doc.get("metadata").toString());
    }
  }
}
