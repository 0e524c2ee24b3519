package dev.zonecost.accounting;

import java.time.Duration;
import java.time.Instant;

/**
 * What the engine found at the window's start edge (DESIGN §3, "What the bytes of a window means"):
 * whether the data begins after the requested start (the window is then clipped to the oldest
 * sample), and how many series' first samples were counted as born inside the window or taken as
 * baselines because nothing could tell.
 *
 * @param requestedStart the start the user asked for
 * @param dataStart the metric's oldest sample when it is after {@code requestedStart} (the window
 *     is clipped to it), else null
 * @param lookBehind the look-behind L: a sample in {@code [start − L, start)} proves existence
 * @param bornSeries series whose first in-window value was counted (born inside the window)
 * @param unknowableSeries series with no sample in the look-behind whose agent's data begins with
 *     them: their first value is a baseline, not counted
 * @param agentsWithoutLookBehind agents with series in the window but no sample in the look-behind
 */
public record WindowEdges(
    Instant requestedStart,
    Instant dataStart,
    Duration lookBehind,
    long bornSeries,
    long unknowableSeries,
    int agentsWithoutLookBehind) {

  /** A window that starts inside the data, with the default look-behind and nothing counted. */
  public static WindowEdges unclipped(Instant start) {
    return new WindowEdges(start, null, Duration.ofHours(1), 0, 0, 0);
  }

  /**
   * Two counters' edges of one window (Istio's two metrics): counts added, the later data start
   * (the window both have), the agents of both.
   */
  public WindowEdges plus(WindowEdges o) {
    Instant later =
        dataStart == null
            ? o.dataStart
            : o.dataStart == null || dataStart.isAfter(o.dataStart) ? dataStart : o.dataStart;
    return new WindowEdges(
        requestedStart,
        later,
        lookBehind,
        bornSeries + o.bornSeries,
        unknowableSeries + o.unknowableSeries,
        agentsWithoutLookBehind + o.agentsWithoutLookBehind);
  }

  public boolean clipped() {
    return dataStart != null;
  }

  /** Where the window really begins: the data's start when clipped, else the requested start. */
  public Instant effectiveStart() {
    return clipped() ? dataStart : requestedStart;
  }
}
