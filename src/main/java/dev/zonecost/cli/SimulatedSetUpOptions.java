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

  @Option(
      names = "--retina-scraped-twice",
      description =
          "Write every Retina series twice: by its pod annotations (job retina) and by the"
              + " chart's ServiceMonitor (job retina-svc, the operator's target labels).")
  boolean retinaScrapedTwice;

  @Option(
      names = "--ksm-without-endpointslices",
      description = "Leave out kube-state-metrics' EndpointSlice series (collector not enabled).")
  boolean ksmWithoutEndpointSlices;

  @Option(
      names = "--beyla-agent-off-node",
      description =
          "With --source beyla: one node's agent reports another interface's IP as beyla_ip"
              + " (192.168.255.1, no node's).")
  boolean beylaAgentOffNode;

  /** Sets them on the spec; the large scenario has none of them. */
  void apply(SimulationSpec.Builder b, Scenario scenario) {
    if (scenario == Scenario.LARGE && (hostTraffic || cronJob)) {
      throw new UsageException(
          (hostTraffic ? "--host-traffic" : "--cron-job") + " is for the seed and edge scenarios");
    }
    b.hostTraffic(hostTraffic).cronJob(cronJob).ksmExportedLabels(ksmExportedLabels);
    b.retinaScrapedTwice(retinaScrapedTwice)
        .ksmWithoutEndpointSlices(ksmWithoutEndpointSlices)
        .beylaAgentOffNode(beylaAgentOffNode);
  }
}
