/**
 * How a byte is counted: the pure model and arithmetic of DESIGN §3, with no I/O and no threads.
 *
 * <p>One byte, from a series to a row:
 *
 * <ol>
 *   <li><b>The bytes of a window.</b> A byte source's counter series (for Retina, {@code
 *       networkobservability_adv_forward_bytes}, one series per pod pair, direction and observing
 *       agent) grows by {@code v(i) − v(i−1)} between consecutive samples inside the window, or by
 *       {@code v(i)} after a reset. {@link dev.zonecost.accounting.Segment} is that definition,
 *       summed over time chunks that may be read in parallel; its first in-window value is a
 *       baseline unless the series was <em>born</em> in the window (a decision the engine makes
 *       from the look-behind and the agent's first scrape, recorded in {@link
 *       dev.zonecost.accounting.WindowEdges}). A series without a reset needs no samples at all:
 *       its bytes are its last value less its first (or its last, when born) — the same definition.
 *   <li><b>An observation.</b> The source turns the series' labels into an {@link
 *       dev.zonecost.accounting.Observation}: the two {@link dev.zonecost.accounting.Endpoint}s
 *       (pod, first owner, native zone) and where the bytes were seen (egress, ingress). A source
 *       that names workloads (Beyla, Istio) gives an empty pod and its own zone, or none: that
 *       end's zone is then unknown, as the source cannot know it.
 *   <li><b>One observation per byte.</b> {@link dev.zonecost.accounting.TrafficAggregator} groups
 *       the observations of one pod pair and keeps those the {@link
 *       dev.zonecost.accounting.DedupeMode} names, divided by the observations per byte of the
 *       {@link dev.zonecost.accounting.DataAggregationLevel} (2 at {@code low}; at {@code high} 2
 *       only for pods on one node, which {@link dev.zonecost.accounting.PodDirectory} tells).
 *   <li><b>Zones and workloads.</b> Each pod's zone comes from the source's own label, else from
 *       {@link dev.zonecost.accounting.PodDirectory} (pod and IP → node → zone, so a recreated
 *       StatefulSet pod keeps each incarnation's zone); its workload from {@link
 *       dev.zonecost.accounting.WorkloadResolver} (ReplicaSet → Deployment).
 *   <li><b>A row.</b> The pair's bytes go to a {@link dev.zonecost.accounting.TrafficKey} (source
 *       and destination workload, source and destination zone, hence a {@link
 *       dev.zonecost.accounting.Locality}: same-zone, cross-zone or unknown-zone), summed in half
 *       bytes and rounded half up once per {@link dev.zonecost.accounting.TrafficRow}, so every
 *       total is the sum of the printed rows.
 * </ol>
 *
 * <p>The engine ({@code dev.zonecost.engine}) decides which queries to send and feeds this package;
 * the byte sources ({@code dev.zonecost.source.*}) own their PromQL and their labels.
 */
package dev.zonecost.accounting;
