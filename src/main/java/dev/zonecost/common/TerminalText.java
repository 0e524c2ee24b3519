package dev.zonecost.common;

/**
 * Text from a server (warnings, label values) made safe for a terminal: control characters,
 * including ESC, CR and the C1 range, are shown as {@code \n}, {@code \t} or {@code \}{@code uXXXX}
 * instead of being obeyed.
 */
public final class TerminalText {
  private TerminalText() {}

  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control =
          Character.isISOControl(c)
              || c == '\u2028'
              || c == '\u2029'
              || (c >= '\u202A' && c <= '\u202E')
              || (c >= '\u2066' && c <= '\u2069');
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (!control) {
          out.append(c);
        } else if (c == '\n') {
          out.append("\\n");
        } else if (c == '\t') {
          out.append("\\t");
        } else if (c == '\r') {
          out.append("\\r");
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
