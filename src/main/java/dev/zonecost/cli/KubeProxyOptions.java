package dev.zonecost.cli;

import dev.zonecost.prometheus.KubeServiceProxy;
import picocli.CommandLine.Option;

/** An in-cluster Prometheus through the API server's service proxy, as kubectl plugins reach it. */
public final class KubeProxyOptions {
  @Option(
      names = "--prometheus-service",
      paramLabel = "NS/NAME:PORT",
      description =
          "Reach an in-cluster Prometheus through the Kubernetes API server's service proxy, with"
              + " the kubeconfig's server, CA and credentials, e.g."
              + " monitoring/prometheus-operated:9090 (instead of --prometheus-url).")
  String service;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "The kubeconfig for --prometheus-service (default: $KUBECONFIG, else ~/.kube/config).")
  String kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kubeconfig context for --prometheus-service (default: its current one).")
  String context;

  /** The proxy, or null without --prometheus-service. */
  KubeServiceProxy proxy(Environment env) {
    if (service == null || service.isBlank()) {
      return null;
    }
    return KubeServiceProxy.load(KubeServiceProxy.locate(kubeconfig, env.variables()), context);
  }
}
