/**
 * The kube-state-metrics and topology PromQL every report, {@code advise} and the Grafana
 * expression read, whatever the byte source ({@link dev.zonecost.kube.KubeQueries}, {@link
 * dev.zonecost.kube.TopologyQueries}), in the user's names and cluster.
 */
package dev.zonecost.kube;
