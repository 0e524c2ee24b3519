package dev.zonecost.render;

import dev.zonecost.common.TerminalText;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned text columns separated by two spaces; numbers right-aligned. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] rightAligned;
  private Styler styler = (row, col, text) -> text;

  /** Decorates a padded cell (colour); widths are measured on the plain text. */
  interface Styler {
    String style(int row, int column, String padded);
  }

  TextTable(boolean[] rightAligned) {
    this.rightAligned = rightAligned;
  }

  TextTable styled(Styler s) {
    this.styler = s;
    return this;
  }

  /** Cells come from label values: control characters are shown, never sent to the terminal. */
  TextTable row(String... cells) {
    String[] safe = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = TerminalText.escape(cells[i]);
    }
    rows.add(safe);
    return this;
  }

  String format() {
    int[] width = new int[rightAligned.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int ri = 0; ri < rows.size(); ri++) {
      String[] r = rows.get(ri);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(width[i] - r[i].length());
        line.append(styler.style(ri, i, rightAligned[i] ? pad + r[i] : r[i] + pad));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
