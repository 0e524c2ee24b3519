/**
 * Microsoft Retina as a byte source: the PromQL of a report ({@link dev.zonecost.source.QueryPlan},
 * and the less exact single expression for Grafana), its metric and label names, and how its
 * remote-context series become observations of pod pairs ({@link
 * dev.zonecost.source.retina.RetinaSeries}).
 */
package dev.zonecost.source.retina;
