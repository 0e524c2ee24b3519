package dev.zonecost.check;

import dev.zonecost.common.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The verdict for people: a table of checks, then each failure with its top contributors. */
public final class VerdictText {
  private VerdictText() {}

  public static void write(Verdict v, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"RESULT", "CHECK", "SCOPE", "MEASURED", "LIMIT"});
    for (CheckResult c : v.checks()) {
      rows.add(
          new String[] {
            c.passed() ? "PASS" : "FAIL",
            shown(c.name()),
            shown(c.scope()),
            shown(c.measured()),
            shown(c.limit())
          });
    }
    int[] w = new int[5];
    rows.forEach(
        r -> {
          for (int i = 0; i < r.length; i++) {
            w[i] = Math.max(w[i], r[i].length());
          }
        });
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(i == r.length - 1 ? r[i] : String.format("%-" + w[i] + "s  ", r[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    for (CheckResult c : v.failures()) {
      out.println();
      out.println("FAIL " + shown(c.scope()) + ": " + shown(c.message()));
      c.contributors().forEach(s -> out.println("  top: " + shown(s)));
    }
    v.notes().forEach(n -> out.println("note: " + shown(n)));
    out.println();
    out.println("zonecost check: " + shown(v.headline()));
    out.flush();
  }

  /** Label values reach the terminal: controls shown, never obeyed, as in report's table. */
  private static String shown(String text) {
    return text == null ? "" : TerminalText.escape(text);
  }
}
