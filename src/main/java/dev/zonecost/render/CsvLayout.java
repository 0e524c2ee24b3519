package dev.zonecost.render;

/** {@code --csv-layout}: one row per workload pair and zone pair, or the zone x zone grid. */
public enum CsvLayout {
  TIDY,
  MATRIX
}
