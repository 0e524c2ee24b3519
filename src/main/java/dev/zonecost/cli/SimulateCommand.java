package dev.zonecost.cli;

import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationWriter;
import java.io.PrintWriter;
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
      "In parts (a cluster too large for one promtool run: each part only the samples of its"
          + " time slice, the same cluster; backfill and delete each before the next):",
      "  zonecost simulate --scenario large --only expected.json --out-dir big",
      "  zonecost simulate --scenario large --samples-from 2026-10-31T00:00:00Z \\",
      "      --samples-to 2026-10-31T06:00:00Z --only cluster.om --out-dir big",
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
      names = "--mesh",
      paramLabel = "MESH",
      description =
          "linkerd: also write Linkerd's proxy series (tcp_write_bytes_total and"
              + " tcp_read_bytes_total by dst_service, every pod injected) for the Service calls;"
              + " advise then says Linkerd routes those Services. A mesh marker, not a byte"
              + " source: expected.json is unchanged.")
  String mesh;

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      required = true,
      description = "Directory for cluster.om and expected.json (created if missing).")
  Path outDir;

  @Option(
      names = "--samples-from",
      paramLabel = "TIME",
      description =
          "Write only the samples at or after TIME to cluster.om (a part of a backfill in parts;"
              + " the whole cluster is still simulated).")
  String samplesFrom;

  @Option(
      names = "--samples-to",
      paramLabel = "TIME",
      description =
          "Write only the samples before TIME to cluster.om. Parts whose --samples-to is the next"
              + " one's --samples-from hold every sample once.")
  String samplesTo;

  @Option(
      names = "--only",
      paramLabel = "FILE",
      description =
          "Write only cluster.om or only expected.json (the whole window's answer, whatever the"
              + " slice); both by default.")
  String only;

  @Option(
      names = "--bill",
      paramLabel = "DIR",
      description =
          "Also write the cluster's bill here, from its model: CUR 2.0 (two gzip parts), legacy"
              + " CUR, FOCUS and GCP export CSV, with expected-reconcile.json (for reconcile).")
  Path billDir;

  public SimulateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    SimulationWriter.Request request =
        SimulationWriter.Request.of(
                source, outDir, only, samplesFrom, samplesTo, simulation.cadvisor)
            .withMesh(mesh);
    SimulationWriter.Written written = SimulationWriter.write(simulation.spec(clock), request);
    PrintWriter err = spec.commandLine().getErr();
    err.println(written.summary());
    if (written.details() != null) {
      err.println(written.details());
    }
    if (billDir != null) {
      dev.zonecost.simulate.BillWriter.write(written.cluster(), billDir);
      err.println("zonecost: the bill in CUR 2.0, legacy CUR, FOCUS and GCP CSV -> " + billDir);
    }
    return ExitCodes.OK;
  }
}
