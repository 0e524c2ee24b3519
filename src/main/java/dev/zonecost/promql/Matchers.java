package dev.zonecost.promql;

import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/** Label matchers and selectors as PromQL text, every value quoted. */
public final class Matchers {
  private Matchers() {}

  /** Appends {@code matcher"value"} when the value is set. */
  public static void add(List<String> matchers, String matcher, String value) {
    if (value != null) {
      matchers.add(matcher + PromqlStrings.quote(value));
    }
  }

  /** A matcher selecting the series whose {@code label} is one of {@code values}. */
  public static String anyOf(String label, Collection<String> values) {
    StringJoiner alt = new StringJoiner("|");
    values.stream().sorted().distinct().forEach(v -> alt.add(PromqlStrings.regexLiteral(v)));
    return label + "=~" + PromqlStrings.quote(alt.toString());
  }

  /** The matchers in braces, or nothing when there are none. */
  public static String braces(List<String> matchers) {
    return matchers.isEmpty() ? "" : "{" + String.join(", ", matchers) + "}";
  }
}
