package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kube-state-metrics as real set-ups ship it, on a real back end (issue 26 items 4 and 5): scraped
 * without {@code honor_labels} (labels renamed {@code exported_*}) the report has the same rows as
 * the plain cluster's, exact to the byte, with a note; a cluster where no pod joins exits 5 with
 * one line; a CronJob's runs roll up into one workload, exact, with the runs counted.
 */
abstract class KsmLabelsContract {
  static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  @TempDir Path tmp;

  abstract Backend start(Path dir, SimulatedCluster c) throws Exception;

  abstract Backend start(Path dir, SimulatedCluster c, String openMetrics) throws Exception;

  static SimulatedCluster cluster(boolean exported) {
    return Simulator.generate(
        SimulationSpec.builder("edge", END)
            .hours(2)
            .seed(42)
            .cronJob(true)
            .ksmExportedLabels(exported)
            .build());
  }

  @Test
  void exported_labels_give_the_plain_clusters_rows_with_a_note_and_cronjobs_roll_up()
      throws Exception {
    SimulatedCluster plain = cluster(false);
    SimulatedCluster exported = cluster(true);
    assertEquals(plain.answer().expected(), exported.answer().expected(), "one model");
    JsonNode plainDoc;
    try (Backend b = start(tmp.resolve("plain"), plain)) {
      plainDoc =
          ExactAnswer.assertExact(
              b.name, b.url, plain, DataAggregationLevel.LOW, plain.start(), plain.end(), false);
    }
    JsonNode exportedDoc;
    try (Backend b = start(tmp.resolve("exported"), exported)) {
      exportedDoc =
          ExactAnswer.assertExact(
              b.name,
              b.url,
              exported,
              DataAggregationLevel.LOW,
              exported.start(),
              exported.end(),
              false);
    }
    assertEquals(plainDoc.get("rows"), exportedDoc.get("rows"), "the same rows");
    String notes = exportedDoc.get("metadata").get("notes").toString();
    assertTrue(notes.contains("exported_namespace"), notes);
    assertTrue(notes.contains("honorLabels: true"), notes);
    assertTrue(
        !plainDoc.get("metadata").get("notes").toString().contains("exported_namespace"),
        "no such note for the plain cluster");

    // The CronJob: one workload whose runs are counted, as the model made them.
    Map<String, Set<String>> runs = plain.cronJobRuns(plain.start(), plain.end());
    assertEquals(Set.of("app-batch/backup"), runs.keySet());
    assertTrue(runs.get("app-batch/backup").size() >= 3, runs.toString());
    String rows = plainDoc.get("rows").toString();
    assertTrue(rows.contains("\"source_workload\":\"backup\""), rows);
    assertTrue(!rows.contains("\"source_workload\":\"backup-"), "no row per run: " + rows);
    for (JsonNode doc : new JsonNode[] {plainDoc, exportedDoc}) {
      Map<String, Set<String>> reported = new TreeMap<>();
      for (JsonNode r : doc.get("metadata").get("rollups")) {
        assertEquals("CronJob", r.get("kind").asText());
        assertEquals("kube_job_owner", r.get("by").asText());
        Set<String> jobs = new TreeSet<>();
        r.get("jobs").forEach(j -> jobs.add(j.asText()));
        assertEquals(jobs.size(), r.get("runs").asInt());
        reported.put(r.get("namespace").asText() + "/" + r.get("name").asText(), jobs);
      }
      assertEquals(runs, reported);
    }
  }

  @Test
  void a_cluster_where_no_pod_joins_exits_5_with_one_line() throws Exception {
    SimulatedCluster c = cluster(true);
    // A relabelling that keeps neither the pods' own labels nor their exported_ twins.
    StringWriter w = new StringWriter();
    c.writeOpenMetrics(w);
    String om =
        w.toString()
            .replace("exported_pod=\"", "original_pod=\"")
            .replace("exported_namespace=\"", "original_namespace=\"");
    try (Backend b = start(tmp.resolve("unjoined"), c, om)) {
      for (String command : new String[] {"report", "check"}) {
        CliRun run =
            CliRun.run(
                Clock.fixed(c.end(), ZoneOffset.UTC),
                command,
                "--prometheus-url",
                b.url,
                "--start",
                c.start().toString(),
                "--end",
                c.end().toString(),
                // check needs a limit; this one would pass on 100% unknown-zone bytes
                command.equals("check") ? "--max-cross-zone-ratio" : "--top",
                command.equals("check") ? "1" : "10");
        assertEquals(5, run.exitCode(), run.describe());
        assertEquals("", run.out(), run.describe());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), run.describe());
        assertTrue(err.contains("none of the pods in the traffic joins"), err);
        System.out.printf("%s %s without a join: exit 5, %s%n", b.name, command, err);
      }
    }
  }
}
