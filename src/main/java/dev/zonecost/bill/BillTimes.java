package dev.zonecost.bill;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The instants bills write: RFC 3339 ({@code 2026-11-01T00:00:00Z}, {@code .000Z}, an offset), with
 * a space for the {@code T}, and BigQuery's CSV ({@code 2026-11-01 00:00:00 UTC}); without a zone,
 * UTC (AWS's and GCP's exports are in UTC).
 */
final class BillTimes {
  private BillTimes() {}

  static Instant parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a usage period without its start or end");
    }
    String s = text.strip();
    if (s.endsWith(" UTC")) {
      s = s.substring(0, s.length() - 4) + "Z";
    }
    s = s.replace(' ', 'T');
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException("\"" + text + "\" is not a time");
      }
    }
  }
}
