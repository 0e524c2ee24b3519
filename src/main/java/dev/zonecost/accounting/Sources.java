package dev.zonecost.accounting;

/**
 * Under {@code --dedupe auto}, where a row's bytes came from (once per byte, each kind rounded on
 * its own, so they may differ from the row's bytes by a byte): the peer node's INGRESS series, the
 * opener's EGRESS series, EGRESS series to an unknown peer (outside traffic), and series with a
 * node at one end (divided by where they were seen).
 */
public record Sources(long ingress, long egress, long outside, long node) {
  public Sources(long ingress, long egress, long outside) {
    this(ingress, egress, outside, 0);
  }

  public Sources plus(Sources o) {
    return new Sources(ingress + o.ingress, egress + o.egress, outside + o.outside, node + o.node);
  }
}
