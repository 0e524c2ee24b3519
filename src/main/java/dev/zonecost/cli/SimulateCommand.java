package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.render.AtomicFile;
import dev.zonecost.simulate.CadvisorSeries;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.Simulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
      "  zonecost simulate --scenario edge --source beyla --out-dir beyla",
      "  promtool tsdb create-blocks-from openmetrics --max-block-duration=24h \\",
      "      cluster/cluster.om cluster/data",
      "",
      "Scenarios: seed (10 client and 6 server pods over 3 zones); edge (seed plus two"
          + " kube-state-metrics replicas, a rolling restart into other zones, a node without zone"
          + " label, a counter reset, a pod name in two namespaces, a StatefulSet pod recreated"
          + " in another zone, a same-node pair and an external peer, clients calling Services, a"
          + " scrape outage across the window's start, a TTL-expired pair, a node added"
          + " mid-window); large (the benchmark's"
          + " cluster: 30 nodes, 60 Deployments in 6 namespaces, about 1,500 pods, about 300"
          + " workload edges, a rolling restart of a third of the Deployments, two agent restarts;"
          + " 24 h by default; --scale multiplies nodes, pods and edges)."
    })
public final class SimulateCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec CommandSpec spec;
  @Mixin VerboseOption verbose;
  @Mixin SimulationOptions simulation = new SimulationOptions();

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      defaultValue = "retina",
      completionCandidates = SimulatedSources.class,
      description =
          "Whose byte counters to write: retina (default), beyla (Beyla / OBI network flows, both"
              + " agents' copies and Service-owner copies; beyla-no-agent-ip without beyla.ip and"
              + " node IPs), istio (ztunnel, both reporters) or istio-sidecar (sidecars, no zone"
              + " labels); the same cluster and kube-state-metrics series, the source's own exact"
              + " answer.")
  String source;

  /** The sources the simulator writes. */
  static final class SimulatedSources extends java.util.ArrayList<String> {
    SimulatedSources() {
      super(SimulatedCluster.SOURCES);
    }
  }

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      required = true,
      description = "Directory for cluster.om and expected.json (created if missing).")
  Path outDir;

  public SimulateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    long began = System.nanoTime();
    String src = source.toLowerCase(java.util.Locale.ROOT);
    if (!SimulatedCluster.SOURCES.contains(src)) {
      throw new UsageException(
          "unknown --source '"
              + source
              + "' for simulate: use one of "
              + String.join(", ", SimulatedCluster.SOURCES));
    }
    SimulatedCluster cluster = Simulator.generate(simulation.spec(clock));
    Files.createDirectories(outDir);
    if (simulation.cadvisor) {
      AtomicFile.write(
          outDir.resolve("cluster.om"),
          w -> {
            StringWriter series = new StringWriter();
            cluster.writeOpenMetrics(series, src);
            w.write(CadvisorSeries.withCadvisor(cluster, series.toString()));
          });
    } else {
      AtomicFile.write(outDir.resolve("cluster.om"), w -> cluster.writeOpenMetrics(w, src));
    }
    AtomicFile.write(outDir.resolve("expected.json"), w -> cluster.writeExpectedJson(w, src));
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "zonecost: %s cluster%s, data from %s, window %s .. %s: %d series, %d samples -> %s%n",
        simulation.scenario.specName,
        src.equals("retina") ? "" : " as " + src + " exports it",
        cluster.dataStart(),
        cluster.start(),
        cluster.end(),
        cluster.seriesCount(),
        cluster.sampleCount(src),
        outDir);
    if (simulation.scenario == Scenario.LARGE) {
      err.printf(
          "zonecost: series by family %s; written in %.1f s%n",
          cluster.seriesCountByFamily(), (System.nanoTime() - began) / 1e9);
    }
    return ExitCodes.OK;
  }
}
