package dev.zonecost.doctor;

/** The exact set-up changes the checks print; examples/ holds the same settings as files. */
public final class Fixes {
  public static final String RETINA_POD_LEVEL =
      "install Retina with pod-level metrics: helm upgrade retina ... --set operator.enabled=true"
          + " --set enablePodLevel=true --set remoteContext=true --set enableAnnotations=false"
          + " --set filterMapMaxEntries=4096"
          + " (examples/retina-values.yaml), apply a MetricsConfiguration with forward_bytes"
          + " (examples/metrics-configuration.yaml), and scrape the Retina agents"
          + " (examples/prometheus-scrape-retina.yaml)";

  public static final String RETINA_REMOTE_CONTEXT =
      "Retina runs in local context (no source/destination pod pairs): set Helm values"
          + " enablePodLevel=true and remoteContext=true (examples/retina-values.yaml) and give the"
          + " MetricsConfiguration contextOptions for forward_bytes with sourceLabels and"
          + " destinationLabels [ip, namespace, podname, workload, zone]"
          + " (examples/metrics-configuration.yaml);"
          + " check the scrape config keeps the source_*/destination_* labels";

  public static final String KSM_ZONE_ALLOWLIST =
      "export the node zone label from kube-state-metrics:"
          + " --metric-labels-allowlist=nodes=[topology.kubernetes.io/zone] (Helm:"
          + " metricLabelsAllowlist: [\"nodes=[topology.kubernetes.io/zone]\"],"
          + " examples/kube-state-metrics-values.yaml)";

  public static final String KSM_INSTALL =
      "install kube-state-metrics and scrape it (Helm chart prometheus-community/"
          + "kube-state-metrics, examples/kube-state-metrics-values.yaml)";

  public static final String KSM_REPLICASETS =
      "enable the replicasets collector of kube-state-metrics (it is on by default; check"
          + " --resources includes replicasets)";

  private Fixes() {}
}
