package dev.zonecost.bill;

import dev.zonecost.bill.InterZoneRules.Direction;
import dev.zonecost.bill.InterZoneRules.Skip;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inter-zone data transfer of one or more bill files, summed per resource, region and bill
 * period; every other row only counted by why it was left out. Holds one cell per resource and
 * period, never the rows.
 */
public final class Bill {
  /** One resource in one bill period of one region. */
  public record Cell(String resourceId, String region, Instant start, Instant end) {}

  /** A cell's sums: usage amounts in the bill's unit, and cost. */
  public static final class Sums {
    BigDecimal out = BigDecimal.ZERO;
    BigDecimal in = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;

    public BigDecimal out() {
      return out;
    }

    public BigDecimal in() {
      return in;
    }

    public BigDecimal cost() {
      return cost;
    }

    /** The sums of two cells (a resource's rows in one bucket). */
    public static Sums plus(Sums a, Sums b) {
      Sums s = new Sums();
      s.out = a.out.add(b.out);
      s.in = a.in.add(b.in);
      s.cost = a.cost.add(b.cost);
      return s;
    }
  }

  private final Map<Cell, Sums> cells = new LinkedHashMap<>();
  private final Map<Skip, Long> skipped = new EnumMap<>(Skip.class);
  private final Map<BillFormat, Integer> files = new EnumMap<>(BillFormat.class);
  private final TreeSet<String> currencies = new TreeSet<>();
  private final TreeSet<String> units = new TreeSet<>();
  private final TreeMap<Duration, Long> periods = new TreeMap<>();
  private long rows;
  private long selected;
  private long withoutResourceId;

  private final BigDecimal bytesPerGb;

  private Bill(BigDecimal bytesPerGb) {
    this.bytesPerGb = bytesPerGb;
  }

  /** A bill of no file yet (for the tests). */
  static Bill empty(BigDecimal bytesPerGb) {
    return new Bill(bytesPerGb);
  }

  /**
   * Reads every file, in order, each streamed.
   *
   * @param bytesPerGb what the provider's "GB" is: 10^9 (the default) or 2^30 ({@code --bill-unit
   *     gib}); AWS does not say
   */
  public static Bill read(List<Path> files, BigDecimal bytesPerGb) {
    Bill bill = new Bill(bytesPerGb);
    for (Path f : files) {
      bill.files.merge(BillReader.read(f, bill::add), 1, Integer::sum);
    }
    return bill;
  }

  void add(BillFormat format, BillRow row) {
    rows++;
    Skip skip = InterZoneRules.skip(format, row);
    if (skip != null) {
      skipped.merge(skip, 1L, Long::sum);
      return;
    }
    selected++;
    periods.merge(Duration.between(row.start(), row.end()), 1L, Long::sum);
    if (!row.currency().isEmpty()) {
      currencies.add(row.currency());
    }
    if (!row.unit().isEmpty()) {
      units.add(row.unit());
    }
    if (row.resourceId().isEmpty()) {
      withoutResourceId++;
    }
    Sums s =
        cells.computeIfAbsent(
            new Cell(row.resourceId(), row.region(), row.start(), row.end()), k -> new Sums());
    BigDecimal bytes = row.amount().multiply(bytesPer(row.unit(), format));
    if (InterZoneRules.direction(format, row) == Direction.OUT) {
      s.out = s.out.add(bytes);
    } else {
      s.in = s.in.add(bytes);
    }
    s.cost = s.cost.add(row.cost());
  }

  /** Bytes per unit of a row's amount: GCP's bytes (or GiB), AWS's GB as the user reads it. */
  private BigDecimal bytesPer(String unit, BillFormat format) {
    String u = unit.toLowerCase(java.util.Locale.ROOT);
    if (u.equals("bytes") || u.equals("byte") || (u.isEmpty() && format.amountsInBytes())) {
      return BigDecimal.ONE;
    }
    if (u.equals("gibibyte") || u.equals("gib")) {
      return BigDecimal.valueOf(1L << 30);
    }
    return bytesPerGb;
  }

  /** The selected cells (amounts in bytes), in the order first seen. */
  public Map<Cell, Sums> cells() {
    return cells;
  }

  /** Rows left out, by why. */
  public Map<Skip, Long> skipped() {
    return skipped;
  }

  /** Files read, by format. */
  public Map<BillFormat, Integer> formats() {
    return files;
  }

  public long rows() {
    return rows;
  }

  /** Rows that are inter-zone data transfer. */
  public long selected() {
    return selected;
  }

  /** Selected rows without a resource id ("include resource IDs" was off). */
  public long withoutResourceId() {
    return withoutResourceId;
  }

  /** The currencies of the selected rows (one, normally). */
  public TreeSet<String> currencies() {
    return currencies;
  }

  /** The units of the selected rows' amounts ({@code GB}; GCP's {@code bytes}). */
  public TreeSet<String> units() {
    return units;
  }

  /** The longest bill period of a selected row (an hour, a day, a month), or null. */
  public Duration granularity() {
    return periods.isEmpty() ? null : periods.lastKey();
  }

  /** Whether any file's amounts were the provider's GB (read by {@code --bill-unit}). */
  public boolean readGb() {
    return files.keySet().stream().anyMatch(f -> !f.amountsInBytes());
  }
}
