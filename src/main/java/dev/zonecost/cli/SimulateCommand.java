package dev.zonecost.cli;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.render.AtomicFile;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.Simulator;
import dev.zonecost.time.TimeParsing;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "simulate",
    description = {
      "Writes a synthetic cluster's Retina and kube-state-metrics series as OpenMetrics"
          + " (cluster.om, for promtool) and the exact answer a report over it must give"
          + " (expected.json)."
    },
    footer = {
      "  zonecost simulate --scenario edge --out-dir cluster",
      "  promtool tsdb create-blocks-from openmetrics --max-block-duration=24h \\",
      "      cluster/cluster.om cluster/data",
      "",
      "Scenarios: seed (10 client and 6 server pods over 3 zones); edge (seed plus two"
          + " kube-state-metrics replicas, a rolling restart into other zones, a node without zone"
          + " label, a counter reset, a pod name in two namespaces, a StatefulSet pod recreated"
          + " in another zone, a same-node pair and an external peer); large (the benchmark's"
          + " cluster: 30 nodes, 60 Deployments in 6 namespaces, about 1,500 pods, about 300"
          + " workload edges, a rolling restart of a third of the Deployments, two agent restarts;"
          + " 24 h by default; --scale multiplies nodes, pods and edges)."
    })
public final class SimulateCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec CommandSpec spec;
  @Mixin VerboseOption verbose;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      defaultValue = "edge",
      completionCandidates = LowerCaseValues.ScenarioValues.class,
      description = "seed, edge or large (default: ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      required = true,
      description = "Directory for cluster.om and expected.json (created if missing).")
  Path outDir;

  @Option(
      names = "--end",
      paramLabel = "TIME",
      description = "Last sample's time (default: now, floored to the scrape interval).")
  String end;

  @Option(
      names = "--hours",
      paramLabel = "N",
      description =
          "Hours of the window (expected.json's), 1 to 168 (default: 2; 24 for large); --history"
              + " comes before it.")
  Integer hours;

  @Option(
      names = "--scrape-interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "Scrape interval of the simulated series (default: ${DEFAULT-VALUE}).")
  String scrapeInterval;

  @Option(
      names = "--data-aggregation-level",
      paramLabel = "LEVEL",
      defaultValue = "low",
      completionCandidates = LowerCaseValues.LevelValues.class,
      description = "Retina's level to simulate: low or high (default: ${DEFAULT-VALUE}).")
  DataAggregationLevel level;

  @Option(
      names = "--native-zones",
      description = "Add Retina >= 1.2 source_zone/destination_zone labels.")
  boolean nativeZones;

  @Option(
      names = "--scale",
      paramLabel = "FACTOR",
      defaultValue = "1",
      description =
          "Multiplies the large cluster's nodes, pods and workload edges, above 0 and at most 16"
              + " (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--history",
      paramLabel = "DURATION",
      defaultValue = "1h",
      description =
          "Data before the window, as a real Prometheus holds (0 to 7d, a multiple of the scrape"
              + " interval): the window of expected.json starts inside the data. Default:"
              + " ${DEFAULT-VALUE}.")
  String history;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "Random seed; the output is a function of all arguments (default: ${DEFAULT-VALUE}).")
  long seed;

  public SimulateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    long began = System.nanoTime();
    Duration interval = TimeParsing.duration(scrapeInterval);
    Instant last = end == null ? clock.instant() : TimeParsing.instant(end);
    SimulatedCluster cluster =
        Simulator.generate(
            scenario.spec(
                last,
                hours,
                interval,
                level,
                nativeZones,
                seed,
                scale,
                history.equals("0") ? Duration.ZERO : TimeParsing.duration(history)));
    Files.createDirectories(outDir);
    AtomicFile.write(outDir.resolve("cluster.om"), cluster::writeOpenMetrics);
    AtomicFile.write(outDir.resolve("expected.json"), cluster::writeExpectedJson);
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "zonecost: %s cluster, data from %s, window %s .. %s: %d series, %d samples -> %s%n",
        scenario.specName,
        cluster.dataStart(),
        cluster.start(),
        cluster.end(),
        cluster.seriesCount(),
        cluster.sampleCount(),
        outDir);
    if (scenario == Scenario.LARGE) {
      err.printf(
          "zonecost: series by family %s; written in %.1f s%n",
          cluster.seriesCountByFamily(), (System.nanoTime() - began) / 1e9);
    }
    return ExitCodes.OK;
  }
}
