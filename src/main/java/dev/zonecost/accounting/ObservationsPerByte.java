package dev.zonecost.accounting;

import java.util.List;

/**
 * How many times the series a dedupe mode keeps count one byte (DESIGN §3's tables): the one table,
 * by mode × {@code dataAggregationLevel} × whether both pods ran on one node × kind of series. The
 * aggregator divides by it, calibration and doctor compare the kernel's counters with it, and the
 * report's note is written from it.
 *
 * <p>Where it comes from (Retina's packet parser, REFERENCE.md "Observation points"): at {@code
 * low} a byte between pods on two nodes passes the opener's veth and host interface ({@code EGRESS}
 * twice) and the peer's host interface and veth ({@code INGRESS} twice); between pods on one node
 * it passes the two veths, both on one agent that saw the connection leave a pod ({@code EGRESS}
 * twice), except Service traffic, whose DNAT hides the first pass: the server's veth alone ({@code
 * INGRESS} once). At {@code high} each node reports once, but one agent reports a same-node pod-IP
 * pair's two passes. Outside traffic is seen once on the pod's veth; its masqueraded copy is a
 * separate series of the node's IP.
 */
public final class ObservationsPerByte {
  private ObservationsPerByte() {}

  /** The kind of series whose bytes a mode keeps. */
  public enum Kind {
    /** Seen leaving a pod or the node first: the opener's side. */
    EGRESS,
    /** Seen entering the node or the pod first: the peer's side. */
    INGRESS,
    /**
     * {@code EGRESS} to a peer that is neither a pod nor a Service (outside the cluster), whose
     * copy on the host interface was masqueraded to the node's IP: a series of its own.
     */
    OUTSIDE,
    /**
     * The same to a peer whose traffic is not translated (no masquerading twin: a peer inside the
     * cloud network, an external-SNAT set-up): the veth and the host interface see one 5-tuple.
     */
    OUTSIDE_UNTRANSLATED
  }

  /**
   * Observations per byte of the series of one kind.
   *
   * @param sameNode both pods ran on one node; false also when that is not known (pods are then
   *     taken to be on different nodes)
   */
  public static int of(DedupeMode mode, DataAggregationLevel level, boolean sameNode, Kind kind) {
    if (mode == DedupeMode.NONE) {
      return 1; // every observation added as it is
    }
    boolean low = level == DataAggregationLevel.LOW;
    if (kind == Kind.OUTSIDE && mode == DedupeMode.AUTO) {
      return 1; // the pod's veth; the host interface's copy is the node-IP series, left out
    }
    if (kind == Kind.OUTSIDE_UNTRANSLATED && mode == DedupeMode.AUTO) {
      return low ? 2 : 1; // the pod's veth and, at low, the host interface, in one series
    }
    if (kind == Kind.INGRESS) {
      // low: host interface and veth across nodes, the server's veth alone on one node
      return low && !sameNode ? 2 : 1;
    }
    // EGRESS (and OUTSIDE under an explicit mode, which does not tell it apart)
    return low || sameNode ? 2 : 1;
  }

  /**
   * Observations per byte per observing node between pods on two nodes: what calibration checks.
   */
  public static int acrossNodes(DataAggregationLevel level) {
    return of(DedupeMode.EGRESS, level, false, Kind.EGRESS);
  }

  /** The kinds of series a mode keeps. */
  public static List<Kind> kept(DedupeMode mode) {
    return switch (mode) {
      case EGRESS -> List.of(Kind.EGRESS);
      case INGRESS -> List.of(Kind.INGRESS);
      case MAX, NONE -> List.of(Kind.EGRESS, Kind.INGRESS);
      case AUTO -> List.of(Kind.INGRESS, Kind.EGRESS, Kind.OUTSIDE, Kind.OUTSIDE_UNTRANSLATED);
    };
  }

  /** The divisors of one kind, in words: "2", or "2 across nodes, 1 for pods on one node". */
  public static String divisors(DedupeMode mode, DataAggregationLevel level, Kind kind) {
    int across = of(mode, level, false, kind);
    int same = of(mode, level, true, kind);
    return across == same
        ? Integer.toString(across)
        : across + " across nodes, " + same + " for pods on one node";
  }

  /** The report's note on the rule that ran, written from the table. */
  public static String note(DedupeMode mode, DataAggregationLevel level) {
    String kept =
        switch (mode) {
          case NONE -> "dedupe none: every observation added, bytes counted 2 to 4 times";
          case EGRESS, INGRESS -> "kept " + divided(mode, level, kept(mode).get(0));
          case MAX ->
              "dedupe max: per pod pair the larger of its "
                  + divided(mode, level, Kind.EGRESS)
                  + " and its "
                  + divided(mode, level, Kind.INGRESS);
          case AUTO ->
              "dedupe auto: per pod pair the peer node's "
                  + divided(mode, level, Kind.INGRESS)
                  + ", else the opener's "
                  + divided(mode, level, Kind.EGRESS)
                  + "; ClusterIP series and masqueraded node-IP copies left out; EGRESS to an"
                  + " unknown peer counted once, as outside traffic (divided by "
                  + of(mode, level, false, Kind.OUTSIDE_UNTRANSLATED)
                  + " where it has no masqueraded copy)";
        };
    return mode == DedupeMode.NONE ? kept : kept + " (dataAggregationLevel " + level.label() + ")";
  }

  /** "egress series divided by 2", from the table. */
  private static String divided(DedupeMode mode, DataAggregationLevel level, Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT)
        + " series divided by "
        + divisors(mode, level, kind);
  }
}
