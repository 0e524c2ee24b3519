/**
 * {@code zonecost reconcile}: the measurement held against the bill. The bill's inter-zone rows
 * ({@code bill}) are matched to the cluster's nodes by {@code kube_node_info}'s {@code provider_id}
 * ({@link NodeInstances}); per resource and whole bill period, what was billed is set beside what
 * the node's pods and the node itself sent to and received from known places in another zone, the
 * outside traffic that may explain more, and what no series explains ({@link Reconciliation}; the
 * CSV contract of DESIGN §5), with the reasons the data allows ({@link GapReasons}).
 */
package dev.zonecost.reconcile;
