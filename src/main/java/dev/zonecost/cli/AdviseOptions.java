package dev.zonecost.cli;

import dev.zonecost.advise.AdviceReport;
import dev.zonecost.advise.AdviseService;
import dev.zonecost.advise.Datapath;
import dev.zonecost.advise.KubernetesVersion;
import dev.zonecost.advise.ServiceKey;
import dev.zonecost.advise.ServiceSpec;
import dev.zonecost.advise.ServicesFile;
import dev.zonecost.common.IoText;
import dev.zonecost.common.UsageException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.ServiceTopologyReader;
import dev.zonecost.report.Report;
import dev.zonecost.time.TimeWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** What {@code advise} (and {@code check --max-avoidable-cost}) must know beyond the metrics. */
public final class AdviseOptions {
  @Option(
      names = "--kubernetes-version",
      paramLabel = "VERSION",
      description =
          "The cluster's version, e.g. 1.33: before 1.31 there is no spec.trafficDistribution;"
              + " before 1.34 the value to set is PreferClose and there is no PreferSameNode"
              + " (alpha, off by default, in 1.33). Default: assumed 1.34 or later.")
  String kubernetesVersion;

  @Option(
      names = "--datapath",
      paramLabel = "NAME",
      defaultValue = "kube-proxy",
      completionCandidates = Candidates.DatapathValues.class,
      description =
          "What routes Services on the nodes: kube-proxy (default), cilium-service-topology"
              + " (Cilium's kube-proxy replacement with loadBalancer.serviceTopology=true) or"
              + " cilium (without it: hints are ignored).")
  Datapath datapath;

  @Option(
      names = "--services-file",
      paramLabel = "FILE",
      description =
          "The output of kubectl get svc -A -o json: trafficDistribution, internalTrafficPolicy"
              + " and the topology-mode annotation, which kube-state-metrics does not show.")
  Path servicesFile;

  KubernetesVersion version() {
    if (kubernetesVersion == null) {
      return null;
    }
    try {
      return KubernetesVersion.parse(kubernetesVersion);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--kubernetes-version: " + e.getMessage());
    }
  }

  Map<ServiceKey, ServiceSpec> specs() {
    if (servicesFile == null) {
      return null;
    }
    try (Reader in = Files.newBufferedReader(servicesFile)) {
      return ServicesFile.parse(in, servicesFile.toString());
    } catch (IOException e) {
      throw new UsageException("--services-file " + servicesFile + ": " + IoText.reason(e), e);
    }
  }

  /** Everything checked (and the Services file read) before a query is sent. */
  Prepared prepare() {
    return new Prepared(version(), datapath, specs());
  }

  record Prepared(
      KubernetesVersion version, Datapath datapath, Map<ServiceKey, ServiceSpec> specs) {
    /** The advice, and the report over its whole window and selection it was made from. */
    record Advised(AdviceReport advice, Report whole) {}

    Advised advise(
        AnalysisOptions analysis,
        TimeWindow window,
        Environment env,
        PrintWriter err,
        boolean verbose) {
      EngineRequest request = analysis.request(window);
      // advise reads a report per endpoint segment; the one over the whole window is the report
      // --source retina would print, the total its output puts beside its Service-only one.
      Report[] whole = new Report[1];
      AdviceReport advice =
          analysis.withClient(
              env,
              err,
              verbose,
              (reports, api) ->
                  new AdviseService(
                          r -> {
                            Report report = reports.report(r);
                            if (r.start().equals(request.start())
                                && r.end().equals(request.end())) {
                              whole[0] = report;
                            }
                            return report;
                          },
                          r -> new ServiceTopologyReader(api).read(r),
                          analysis.prices())
                      .advise(request, version, datapath, specs));
      return new Advised(advice, whole[0]);
    }
  }
}
