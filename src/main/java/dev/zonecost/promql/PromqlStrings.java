package dev.zonecost.promql;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Quoting and number formatting for PromQL text, so no value can break out of a label matcher. */
public final class PromqlStrings {
  private PromqlStrings() {}

  /** A double-quoted PromQL string literal holding exactly {@code value}. */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** A regex (RE2) that matches {@code literal} and nothing else. */
  public static String regexLiteral(String literal) {
    return Pattern.compile("[\\\\.+*?()|\\[\\]{}^$]").matcher(literal).replaceAll("\\\\$0");
  }

  /** A PromQL duration: whole seconds when possible, else milliseconds. */
  public static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms <= 0) {
      throw new IllegalArgumentException("duration must be positive: " + d);
    }
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }

  /** Unix seconds with millisecond precision, as the @ modifier and the HTTP API take them. */
  public static String unixSeconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli(), 3).toPlainString();
  }
}
