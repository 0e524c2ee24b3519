package dev.zonecost.render;

import java.util.Locale;

/** The few SVG and HTML pieces the HTML report draws itself, escaped (no library, no network). */
final class Svg {
  private final StringBuilder out = new StringBuilder();

  Svg(int width, int height, String label) {
    out.append("<svg role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"")
        .append(escape(label))
        .append("\">");
  }

  Svg rect(double x, double y, double w, double h, String fill, String title) {
    out.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"",
                x,
                y,
                w,
                h))
        .append(" fill=\"")
        .append(fill)
        .append("\">");
    if (title != null) {
      out.append("<title>").append(escape(title)).append("</title>");
    }
    out.append("</rect>");
    return this;
  }

  Svg text(double x, double y, String anchor, String cssClass, String text) {
    out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"", x, y))
        .append(" text-anchor=\"")
        .append(anchor)
        .append("\" class=\"")
        .append(cssClass)
        .append("\">")
        .append(escape(text))
        .append("</text>");
    return this;
  }

  /**
   * An axis label of at most {@code max} characters: a longer one is cut with an ellipsis and the
   * whole shown as its tooltip, so long zone names do not run over the next label.
   */
  Svg label(double x, double y, String anchor, String cssClass, String text, int max) {
    if (text.length() <= max) {
      return text(x, y, anchor, cssClass, text);
    }
    out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"", x, y))
        .append(" text-anchor=\"")
        .append(anchor)
        .append("\" class=\"")
        .append(cssClass)
        .append("\"><title>")
        .append(escape(text))
        .append("</title>")
        .append(escape(text.substring(0, max - 1) + "\u2026"))
        .append("</text>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>",
            x1,
            y1,
            x2,
            y2,
            cssClass));
    return this;
  }

  String end() {
    return out.append("</svg>").toString();
  }

  /**
   * Escapes text for HTML and XML content and attribute values. Bidi controls are shown as {@code
   * \}{@code uXXXX}, never applied: an override would make {@code \u202egnp.exe} read "exe.png".
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if ((c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')
          || c == '\u200E'
          || c == '\u200F'
          || c == '\u061C'
          || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        continue;
      }
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A fill from white to {@code rgb} by {@code share} in [0, 1]. */
  static String shade(int[] rgb, double share) {
    double s = Math.max(0, Math.min(1, share));
    int r = (int) Math.round(255 - (255 - rgb[0]) * s);
    int g = (int) Math.round(255 - (255 - rgb[1]) * s);
    int bl = (int) Math.round(255 - (255 - rgb[2]) * s);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }
}
