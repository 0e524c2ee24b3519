package dev.zonecost.check;

import dev.zonecost.common.MarkupText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A job summary in Markdown, appended as GITHUB_STEP_SUMMARY expects (other steps write too). */
public final class MarkdownSummary {
  private MarkdownSummary() {}

  public static String render(Verdict v, String window) {
    StringBuilder md = new StringBuilder();
    md.append("## zonecost check: ")
        .append(v.breached() ? "FAILED" : "passed")
        .append("\n\n")
        .append(v.headline())
        .append(" (window ")
        .append(cell(window))
        .append(").\n\n");
    md.append("| result | check | scope | measured | limit |\n");
    md.append("| --- | --- | --- | --- | --- |\n");
    for (CheckResult c : v.checks()) {
      md.append("| ")
          .append(c.passed() ? "PASS" : "**FAIL**")
          .append(" | ")
          .append(cell(c.name()))
          .append(" | ")
          .append(cell(c.scope()))
          .append(" | ")
          .append(cell(c.measured()))
          .append(" | ")
          .append(cell(c.limit()))
          .append(" |\n");
    }
    if (v.breached()) {
      md.append("\n### Top contributors\n\n");
      for (CheckResult c : v.failures()) {
        md.append("- **").append(cell(c.name())).append("** (").append(cell(c.scope())).append(")");
        md.append(
            c.contributors().isEmpty() ? "" : ": " + cell(String.join("; ", c.contributors())));
        md.append('\n');
      }
    }
    if (!v.notes().isEmpty()) {
      md.append('\n');
      v.notes().forEach(n -> md.append("> ").append(cell(n)).append('\n'));
    }
    return md.append('\n').toString();
  }

  public static void append(Path file, Verdict v, String window) throws IOException {
    Files.writeString(
        file,
        render(v, window),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** A table cell: no HTML, link, image, code span, bidi override, pipe or newline survives. */
  static String cell(String s) {
    return MarkupText.markdown(s);
  }
}
