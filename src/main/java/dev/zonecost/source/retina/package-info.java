/**
 * Microsoft Retina as a byte source: the matchers its counter is read by ({@link
 * dev.zonecost.source.retina.RetinaSource#matchers}, used by the window form of {@link
 * dev.zonecost.source.QueryPlan}), the single less exact expression for Grafana and the monitoring
 * rules ({@link dev.zonecost.source.retina.GrafanaQuery}), and how its remote-context series become
 * observations of pod pairs ({@link dev.zonecost.source.retina.RetinaSeries}).
 */
package dev.zonecost.source.retina;
