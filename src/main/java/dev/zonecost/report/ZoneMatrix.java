package dev.zonecost.report;

import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.Zones;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Bytes by source zone × destination zone, summed from the rows; unknown sorts last. */
public record ZoneMatrix(List<String> zones, Map<String, Map<String, Long>> cells) {

  public static ZoneMatrix of(List<TrafficRow> rows) {
    Map<String, Map<String, Long>> cells = new TreeMap<>();
    TreeSet<String> known = new TreeSet<>();
    boolean unknown = false;
    for (TrafficRow r : rows) {
      String src = r.key().sourceZone();
      String dst = r.key().destinationZone();
      cells.computeIfAbsent(src, k -> new TreeMap<>()).merge(dst, r.bytes(), Long::sum);
      for (String z : List.of(src, dst)) {
        if (Zones.isUnknown(z)) {
          unknown = true;
        } else {
          known.add(z);
        }
      }
    }
    List<String> zones = new ArrayList<>(known);
    if (unknown) {
      zones.add(Zones.UNKNOWN);
    }
    return new ZoneMatrix(List.copyOf(zones), cells);
  }

  public long cell(String sourceZone, String destinationZone) {
    return cells.getOrDefault(sourceZone, Map.of()).getOrDefault(destinationZone, 0L);
  }
}
