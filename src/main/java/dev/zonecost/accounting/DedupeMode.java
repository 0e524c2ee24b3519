package dev.zonecost.accounting;

import java.util.Locale;

/**
 * Which of Retina's repeated observations of a byte to keep (DESIGN §3). The node of the pod that
 * opened a connection reports {@code EGRESS} for request and reply bytes, the peer's node {@code
 * INGRESS}; each node sees a byte once ({@code high}) or twice ({@code low}).
 */
public enum DedupeMode {
  /**
   * Per pod pair, the peer node's INGRESS series where there is one (Service traffic: the true pair
   * is only on the server's node), else the opener's EGRESS series; ClusterIP series and
   * masqueraded node-IP copies are left out, EGRESS to an unknown peer is outside traffic, counted
   * once (DESIGN §3, "What a real cluster emits"). The default.
   */
  AUTO(null),
  /** Keep the opener's node's EGRESS series: exact only where clients call pod IPs. */
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

  public static boolean isEgress(String direction) {
    return direction.toLowerCase(Locale.ROOT).equals("egress");
  }
}
