package dev.zonecost.check;

import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.common.NoDataException;
import dev.zonecost.report.ReportBuilder;

/**
 * A gate cannot judge a window it does not have: a window clipped because the data begins after its
 * start fails with exit 5 unless the user allows it (DESIGN §3, "Clipping").
 */
public final class WindowCoverage {
  private WindowCoverage() {}

  public static void require(WindowEdges edges, boolean allowClipped) {
    if (edges.clipped() && !allowClipped) {
      throw new NoDataException(
          ReportBuilder.clippedNote(edges)
              + ": check cannot judge a window it does not have — start the window at or after "
              + edges.dataStart()
              + ", or pass --allow-clipped-window");
    }
  }
}
