package dev.zonecost.accounting;

import java.util.Locale;

/**
 * Which of Retina's repeated observations of a byte to keep (DESIGN §3). The node of the pod that
 * opened a connection reports {@code EGRESS} for request and reply bytes, the peer's node {@code
 * INGRESS}; each node sees a byte once ({@code high}) or twice ({@code low}).
 */
public enum DedupeMode {
  /** Keep the opener's node's EGRESS series (default): every byte, same-node pairs included. */
  EGRESS("(?i)egress"),
  /** Keep the peer's node's INGRESS series. Retina reports same-node pairs as EGRESS only. */
  INGRESS("(?i)ingress"),
  /** Per pod pair, the larger of the EGRESS and INGRESS sums. */
  MAX("(?i)egress|ingress"),
  /** Add every series as it is: counts each byte two to four times. */
  NONE(null);

  private final String directionRegex;

  DedupeMode(String directionRegex) {
    this.directionRegex = directionRegex;
  }

  /** The regex for the {@code direction} label, or null to keep every series. */
  public String directionRegex() {
    return directionRegex;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * How many times the kept series count one byte.
   *
   * @param sameNode whether both pods ran on one node; null when that is not known, in which case
   *     they are taken to be on different nodes
   */
  public int observationsPerByte(DataAggregationLevel level, Boolean sameNode) {
    if (this == NONE) {
      return 1;
    }
    if (level == DataAggregationLevel.LOW) {
      return 2;
    }
    // high: one observation per node, but a same-node pair is seen twice by one agent (EGRESS
    // only).
    return this != INGRESS && Boolean.TRUE.equals(sameNode) ? 2 : 1;
  }

  public static boolean isEgress(String direction) {
    return direction.toLowerCase(Locale.ROOT).equals("egress");
  }
}
