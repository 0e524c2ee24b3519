/**
 * Byte sources ({@link dev.zonecost.source.ByteSource}): one package per agent whose counters
 * zonecost reads — {@code retina/} (Microsoft Retina's pod-pair counters), {@code beyla/} (Grafana
 * Beyla and OpenTelemetry eBPF Instrumentation network flows) and {@code istio/} (ztunnel and
 * sidecar TCP byte counters) — each with the PromQL matchers that pick its copies and the rules
 * that turn its series into observations of pod or workload pairs. The window form every counter is
 * read by ({@link dev.zonecost.source.QueryPlan}) lives here, apart from any one source; this
 * package does not know its sub-packages (the list of them is {@code engine.ByteSources}).
 */
package dev.zonecost.source;
