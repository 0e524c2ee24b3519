package dev.zonecost.bill;

import dev.zonecost.common.UsageException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one bill file row by row, never whole (a month's CUR is gigabytes): gzip or plain CSV, the
 * format told by its header. Parquet is refused with the way to get CSV (docs/commands.md says why
 * zonecost reads no Parquet). Every problem is one line naming the file and, for a row, its line.
 */
public final class BillReader {
  /** What each row is handed to, with the file's format. */
  public interface Sink {
    void accept(BillFormat format, BillRow row);
  }

  private BillReader() {}

  /** Streams the rows of {@code file} into {@code sink}; returns the file's format. */
  public static BillFormat read(Path file, Sink sink) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(4);
      byte[] magic = raw.readNBytes(4);
      raw.reset();
      if (magic.length == 4 && new String(magic, StandardCharsets.US_ASCII).equals("PAR1")) {
        throw new UsageException(
            file
                + ": a Parquet file; zonecost reads bills as CSV: export the report as gzip CSV"
                + " (AWS Data Exports: file format \"text/csv\"; FOCUS exports likewise), or"
                + " convert it, e.g. duckdb -c \"COPY (FROM '"
                + file.getFileName()
                + "') TO 'bill.csv.gz' (HEADER)\"");
      }
      boolean gzip = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
      InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      return parse(file, new InputStreamReader(in, StandardCharsets.UTF_8), sink);
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException(file + ": cannot read the bill: " + e.getMessage(), e);
    }
  }

  private static BillFormat parse(Path file, Reader reader, Sink sink) throws IOException {
    CSVFormat csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();
    try (CSVParser parser = CSVParser.parse(reader, csv)) {
      List<String> names = parser.getHeaderNames();
      Set<String> header = new HashSet<>(names);
      if (names.isEmpty()) {
        throw new UsageException(file + ": empty file (no header)");
      }
      BillFormat format = BillFormat.of(header);
      if (format == null) {
        throw new UsageException(
            file
                + ": not a bill zonecost reads: its header has none of the columns "
                + BillFormat.markers()
                + " (CUR 2.0, legacy CUR, FOCUS, GCP billing export)");
      }
      Columns cols = new Columns(format, parser.getHeaderMap());
      try {
        for (CSVRecord r : parser) {
          sink.accept(format, cols.row(file, r));
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        throw new UsageException(
            file
                + ": malformed CSV near line "
                + parser.getCurrentLineNumber()
                + ": "
                + e.getMessage(),
            e);
      }
      return format;
    }
  }

  /** The positions of a format's columns in one file's header (-1: absent). */
  private static final class Columns {
    final int resourceId;
    final int usageType;
    final int operation;
    final int lineItemType;
    final int amount;
    final int unit;
    final int cost;
    final int currency;
    final int start;
    final int end;
    final int region;

    Columns(BillFormat f, Map<String, Integer> header) {
      resourceId = at(header, f.resourceId);
      usageType = at(header, f.usageType);
      operation = at(header, f.operation);
      lineItemType = at(header, f.lineItemType);
      amount = at(header, f.amount);
      unit = at(header, f.unit);
      cost = at(header, f.cost);
      currency = at(header, f.currency);
      start = at(header, f.start);
      end = at(header, f.end);
      region = at(header, f.region);
      for (var required :
          Map.of(
                  "usage type", f.usageType,
                  "usage amount", f.amount,
                  "usage start", f.start,
                  "usage end", f.end,
                  "cost", f.cost)
              .entrySet()) {
        if (at(header, required.getValue()) < 0) {
          throw new UsageException(
              "a "
                  + f.title()
                  + " without its "
                  + required.getKey()
                  + " column "
                  + required.getValue().get(0));
        }
      }
    }

    private static int at(Map<String, Integer> header, List<String> names) {
      for (String n : names) {
        Integer i = header.get(n);
        if (i != null) {
          return i;
        }
      }
      return -1;
    }

    BillRow row(Path file, CSVRecord r) {
      try {
        return new BillRow(
            text(r, resourceId),
            text(r, usageType),
            text(r, operation),
            text(r, lineItemType),
            number(r, amount),
            text(r, unit),
            number(r, cost),
            text(r, currency),
            BillTimes.parse(text(r, start)),
            BillTimes.parse(text(r, end)),
            text(r, region));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            file + ":" + r.getParser().getCurrentLineNumber() + ": " + e.getMessage());
      }
    }

    private static String text(CSVRecord r, int i) {
      return i < 0 || i >= r.size() ? "" : r.get(i).strip();
    }

    private static BigDecimal number(CSVRecord r, int i) {
      String s = text(r, i);
      if (s.isEmpty()) {
        return BigDecimal.ZERO;
      }
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + s + "\" is not a number");
      }
    }
  }

  /** For the tests: an instant as the formats write it. */
  static Instant time(String text) {
    return BillTimes.parse(text);
  }
}
