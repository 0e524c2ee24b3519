package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.simulate.SimulationSpec;
import picocli.CommandLine.Option;

/** What {@code simulate} adds to the seed and edge clusters: set-ups real clusters ship with. */
final class SimulatedSetUpOptions {
  @Option(
      names = "--host-traffic",
      description =
          "Add kubelet probes, host-network clients and servers, NodePort traffic a node forwards.")
  boolean hostTraffic;

  @Option(
      names = "--cron-job",
      description =
          "Add a CronJob (app-batch/backup) whose Jobs run every 30 minutes of the window, each a"
              + " pod calling the server; kube_job_owner names their CronJob (seed and edge).")
  boolean cronJob;

  @Option(
      names = "--ksm-exported-labels",
      description =
          "Write kube-state-metrics' series as a scrape without honor_labels stores them (the"
              + " standalone chart's default): namespace, pod and service renamed exported_*.")
  boolean ksmExportedLabels;

  /** Sets them on the spec; the large scenario has none of them. */
  void apply(SimulationSpec.Builder b, Scenario scenario) {
    if (scenario == Scenario.LARGE && (hostTraffic || cronJob)) {
      throw new UsageException(
          (hostTraffic ? "--host-traffic" : "--cron-job") + " is for the seed and edge scenarios");
    }
    b.hostTraffic(hostTraffic).cronJob(cronJob).ksmExportedLabels(ksmExportedLabels);
  }
}
