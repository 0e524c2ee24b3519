/**
 * How a byte is counted: the pure model and arithmetic of DESIGN §3, with no I/O and no threads.
 *
 * <p>One byte, from a series to a row:
 *
 * <ol>
 *   <li><b>The bytes of a window.</b> A byte source's counter series (for Retina, {@code
 *       networkobservability_adv_forward_bytes}, one series per pod pair, direction and observing
 *       agent) grows by {@code v(i) − v(i−1)} between consecutive samples inside the window, or by
 *       {@code v(i)} after a reset. {@link dev.zonecost.accounting.WindowBytes} is that definition
 *       and its only home: the sample form (time chunks read in parallel, joined), the closed form
 *       ({@code last − baseline + Σ value before each reset}: a series without a reset needs no
 *       samples at all) and the born rule, which decides from facts the engine gathers (a sample in
 *       the look-behind, the agent scraped in it, the agent's and the series' first in-window
 *       samples) whether the first in-window value counts. The tests hold all of it against a twin
 *       written from DESIGN §3 ({@code NaiveWindowBytes}).
 *   <li><b>An observation.</b> The source turns the series' labels into an {@link
 *       dev.zonecost.accounting.Observation}: the two {@link dev.zonecost.accounting.Endpoint}s
 *       (pod, first owner, native zone) and where the bytes were seen (egress, ingress). A source
 *       that names workloads (Beyla, Istio) gives an empty pod and its own zone, or none: that
 *       end's zone is then unknown, as the source cannot know it.
 *   <li><b>One observation per byte.</b> {@link dev.zonecost.accounting.TrafficAggregator} groups
 *       the observations of one pod pair and keeps those the {@link
 *       dev.zonecost.accounting.DedupeMode} names, divided by {@link
 *       dev.zonecost.accounting.ObservationsPerByte}, the one table of observations per byte (mode
 *       × {@link dev.zonecost.accounting.DataAggregationLevel} × same node or not, which {@link
 *       dev.zonecost.accounting.PodDirectory} tells × kind of series).
 *   <li><b>Zones and workloads.</b> Each pod's zone comes from the source's own label, else from
 *       {@link dev.zonecost.accounting.PodDirectory} (pod and IP → node → zone, the node's zone by
 *       {@link dev.zonecost.accounting.NodeZones}, so a recreated StatefulSet pod keeps each
 *       incarnation's zone); its workload from {@link dev.zonecost.accounting.WorkloadResolver}
 *       (ReplicaSet → Deployment).
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
