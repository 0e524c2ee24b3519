package dev.zonecost.accounting;

/**
 * Under {@code --dedupe auto}, where a row's bytes came from (once per byte, each kind rounded on
 * its own, so the three may differ from the row's bytes by a byte): the peer node's INGRESS series,
 * the opener's EGRESS series, and EGRESS series to an unknown peer (outside traffic).
 */
public record Sources(long ingress, long egress, long outside) {
  public Sources plus(Sources o) {
    return new Sources(ingress + o.ingress, egress + o.egress, outside + o.outside);
  }
}
