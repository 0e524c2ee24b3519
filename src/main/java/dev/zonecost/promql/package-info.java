/**
 * PromQL text shared by every query builder: quoting and durations ({@link
 * dev.zonecost.promql.PromqlStrings}), matchers, the names zonecost reads and the user may have
 * renamed ({@link dev.zonecost.promql.MetricNames}), and the cluster scope every selector carries
 * ({@link dev.zonecost.promql.Scope}). The builders themselves live with what they read: each byte
 * source's counter plan in {@code source/}, kube-state-metrics and topology in {@code kube/}.
 */
package dev.zonecost.promql;
