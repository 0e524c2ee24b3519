package dev.zonecost.render;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned text columns separated by two spaces; numbers right-aligned. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] rightAligned;

  TextTable(boolean[] rightAligned) {
    this.rightAligned = rightAligned;
  }

  TextTable row(String... cells) {
    rows.add(cells);
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
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(width[i] - r[i].length());
        line.append(rightAligned[i] ? pad + r[i] : r[i] + pad);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
