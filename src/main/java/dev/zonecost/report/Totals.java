package dev.zonecost.report;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficRow;
import java.util.List;

/** Sums of the printed rows, so every total adds up to what the rows say. */
public record Totals(long sameZone, long crossZone, long unknownZone) {

  public static Totals of(List<TrafficRow> rows) {
    long same = 0;
    long cross = 0;
    long unknown = 0;
    for (TrafficRow r : rows) {
      switch (r.locality()) {
        case SAME_ZONE -> same += r.bytes();
        case CROSS_ZONE -> cross += r.bytes();
        case UNKNOWN_ZONE -> unknown += r.bytes();
      }
    }
    return new Totals(same, cross, unknown);
  }

  public long all() {
    return sameZone + crossZone + unknownZone;
  }

  public long of(Locality l) {
    return switch (l) {
      case SAME_ZONE -> sameZone;
      case CROSS_ZONE -> crossZone;
      case UNKNOWN_ZONE -> unknownZone;
    };
  }

  /** The share of all bytes in this locality, 0 when there are none. */
  public double share(Locality l) {
    return all() == 0 ? 0 : (double) of(l) / all();
  }
}
