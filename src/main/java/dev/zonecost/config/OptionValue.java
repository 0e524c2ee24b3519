package dev.zonecost.config;

import dev.zonecost.common.UsageException;
import dev.zonecost.time.TimeParsing;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Whether a config file's value fits the option's type; the message names file and line. */
public final class OptionValue {
  private static final Set<String> DURATIONS =
      Set.of("since", "timeout", "scrape-interval", "look-behind", "history");
  private static final Set<String> TIMES = Set.of("start", "end");
  private static final Set<String> SIZES = Set.of("max-response-bytes");
  private static final java.util.regex.Pattern SIZE =
      java.util.regex.Pattern.compile(
          "\\d+(?:\\.\\d+)?\\s*(?:[kmgtp]i?b|b)?", java.util.regex.Pattern.CASE_INSENSITIVE);

  private OptionValue() {}

  /**
   * @param type the option's Java type
   * @throws UsageException naming the file, the line, the key and what was expected
   */
  public static void check(ConfigFile file, ConfigFile.Entry e, Class<?> type) {
    String v = e.value();
    try {
      if (type == int.class || type == Integer.class) {
        Integer.parseInt(v);
      } else if (type == long.class || type == Long.class) {
        Long.parseLong(v);
      } else if (type == BigDecimal.class) {
        new BigDecimal(v);
      } else if (type == double.class || type == Double.class) {
        Double.parseDouble(v);
      } else if (type == boolean.class || type == Boolean.class) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException();
        }
      } else if (type.isEnum()) {
        enumValue(type, v);
      } else if (DURATIONS.contains(e.key())) {
        TimeParsing.duration(v);
      } else if (TIMES.contains(e.key())
          && !(e.key().equals("end") && dev.zonecost.time.TimeWindow.isNow(v))) {
        TimeParsing.instant(v);
      } else if (SIZES.contains(e.key()) && !SIZE.matcher(v.strip()).matches()) {
        throw new IllegalArgumentException();
      }
    } catch (RuntimeException bad) {
      throw new UsageException(
          file.where(e)
              + ": "
              + e.key()
              + ": '"
              + v
              + "' is not "
              + expected(type, e.key())
              + (bad instanceof UsageException u ? " (" + u.getMessage() + ")" : ""));
    }
  }

  private static void enumValue(Class<?> type, String v) {
    for (Object c : type.getEnumConstants()) {
      if (((Enum<?>) c).name().equalsIgnoreCase(v.strip().replace('-', '_'))) {
        return;
      }
    }
    throw new IllegalArgumentException();
  }

  /** An enum constant as users type it: lower case, with hyphens. */
  public static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String expected(Class<?> type, String key) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == BigDecimal.class || type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      StringBuilder sb = new StringBuilder("one of");
      for (Object c : type.getEnumConstants()) {
        sb.append(' ').append(label((Enum<?>) c));
      }
      return sb.toString();
    }
    if (SIZES.contains(key)) {
      return "a size (e.g. 256MiB or 1GB)";
    }
    return DURATIONS.contains(key) ? "a duration" : "a time";
  }
}
