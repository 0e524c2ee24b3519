package dev.zonecost.doctor;

/**
 * A set-up change a check found necessary, as the settings {@code doctor --fix-hints yaml} prints
 * (the same as the files in examples/, checked against Retina v1.2.6 and kube-state-metrics v2.18).
 */
public enum FixHint {
  /** Retina Helm: enablePodLevel, remoteContext, operator (and a MetricsConfiguration). */
  RETINA_POD_LEVEL,
  /** MetricsConfiguration source/destination labels with namespace (and ip, podname, ...). */
  RETINA_LABELS,
  /** Retina Helm enableAnnotations: false, so the MetricsConfiguration is in force. */
  RETINA_ANNOTATIONS_OFF,
  /** Retina Helm filterMapMaxEntries above the observed pods. */
  RETINA_FILTER_MAP,
  /** Retina Helm packetParserRingBuffer: enabled (fewer lost events). */
  RETINA_RING_BUFFER,
  /** Retina Helm dataAggregationLevel / zonecost's --data-aggregation-level. */
  RETINA_LEVEL,
  /** kube-state-metrics Helm metricLabelsAllowlist with the node zone. */
  KSM_ZONE_ALLOWLIST,
  /** kube-state-metrics Helm prometheus.monitor.honorLabels: true. */
  KSM_HONOR_LABELS,
  /** Prometheus: drop Retina from the kubernetes-pods job. */
  SCRAPE_ONCE
}
