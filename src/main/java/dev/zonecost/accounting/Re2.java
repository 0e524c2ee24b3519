package dev.zonecost.accounting;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.zonecost.common.TerminalText;
import dev.zonecost.common.UsageException;

/**
 * One regex dialect for every selection option: RE2, which Prometheus runs label matchers in
 * (anchored, {@code .} matching newlines, as Prometheus wraps them in {@code ^(?s:...)$}). A
 * namespace regex is checked here before it is sent; a workload regex, matched in Java, runs here,
 * so {@code [[:alpha:]]} means the same in both and Java-only syntax (look-arounds, possessive
 * quantifiers, back-references) is refused up front.
 */
public final class Re2 {
  private Re2() {}

  /** The parser's own words, but never its "regexp/syntax: internal error". */
  private static String plain(String description) {
    if (description == null || description.contains("internal error")) {
      return "the RE2 parser cannot read it; simplify it";
    }
    return TerminalText.escape(description);
  }

  /** The compiled regex, or a usage error naming the option. */
  public static Pattern compile(String option, String regex) {
    // Before RE2J: it would expand nested repeats Prometheus refuses, and run out of memory.
    String limit = Re2Limits.violation(regex);
    if (limit != null) {
      throw new UsageException(
          option
              + " '"
              + TerminalText.escape(regex)
              + "' is not a valid RE2 regex (the dialect Prometheus uses): "
              + limit);
    }
    try {
      return Pattern.compile(regex, Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          option
              + " '"
              + TerminalText.escape(regex)
              + "' is not a valid RE2 regex (the dialect Prometheus uses): "
              + plain(e.getDescription()));
    }
  }
}
