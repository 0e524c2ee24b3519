package dev.zonecost.accounting;

/**
 * A series' bytes in the window, as one observation of a pod pair: which point saw them ({@link
 * Direction}), from which pod to which, and which agent reported them ({@code observer}: the
 * series' {@code instance}, empty when the source does not say). A source (e.g. {@code
 * source/retina}) turns its series' labels into these; the aggregator keeps one observation per
 * byte and turns pairs into rows.
 */
public record Observation(
    Endpoint source, Endpoint destination, Direction direction, double bytes, String observer) {

  /** An observation whose agent is not known. */
  public Observation(Endpoint source, Endpoint destination, Direction direction, double bytes) {
    this(source, destination, direction, bytes, "");
  }

  /** Where the bytes were seen, as the observing node names it. */
  public enum Direction {
    /** Leaving a pod or the node: the connection's opener's node. */
    EGRESS,
    /** Entering a pod or the node: the peer's node. */
    INGRESS,
    /** Neither (an unlabelled or unknown direction): kept only by {@code --dedupe none}. */
    OTHER
  }
}
