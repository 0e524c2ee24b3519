package dev.zonecost.common;

/**
 * Text from label values made safe for the markup formats zonecost writes, beside {@link
 * TerminalText} for terminals: a Markdown table cell that no renderer turns into HTML, a link, an
 * image or code; XML 1.0 character data; a cell a spreadsheet does not evaluate.
 */
public final class MarkupText {
  private MarkupText() {}

  /**
   * A Markdown table cell (GitHub-flavoured; GitHub also renders inline HTML): control and bidi
   * characters shown as {@code \}{@code uXXXX}, HTML's {@code < > &} as entities, and Markdown's
   * {@code \ | [ ] ! `} backslash-escaped, so no element, link, image or code span can start.
   */
  public static String markdown(String text) {
    if (text == null) {
      return "";
    }
    String shown = TerminalText.escape(text);
    StringBuilder out = new StringBuilder(shown.length() + 8);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '|', '[', ']', '!', '`', '*', '_' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Character data XML 1.0 allows: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
   * paired surrogates. Anything else (ESC, SOH, a lone surrogate, U+FFFE) is written as the text
   * {@code \}{@code uXXXX}: a numeric reference such as {@code &#27;} is not XML 1.0 either.
   */
  public static String xml(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      int width = 1;
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        ok = true;
        width = 2;
      } else {
        ok =
            c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!ok && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (ok) {
          out.append(text, i, i + width);
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
      }
      i += width - 1;
    }
    return out == null ? text : out.toString();
  }

  /**
   * Guards a CSV cell against spreadsheet formula injection: a cell a spreadsheet would evaluate
   * gets a leading apostrophe (OWASP's CSV injection advice).
   */
  public static String csv(String value) {
    if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }
}
