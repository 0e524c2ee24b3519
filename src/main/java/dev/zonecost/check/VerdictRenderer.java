package dev.zonecost.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/** One view of a verdict: the text table, JSON, the Markdown summary or JUnit XML. */
@FunctionalInterface
public interface VerdictRenderer {
  void write(Verdict verdict, Writer out) throws IOException;

  static VerdictRenderer text() {
    return (v, out) -> {
      PrintWriter pw = out instanceof PrintWriter p ? p : new PrintWriter(out);
      VerdictText.write(v, pw);
      pw.flush();
    };
  }

  /** With {@code warnOnly} the document says a breach does not fail the run. */
  static VerdictRenderer json(boolean warnOnly) {
    return (v, out) -> VerdictJson.write(v, warnOnly, out);
  }

  /** For {@code $GITHUB_STEP_SUMMARY}: headed by the window it judged. */
  static VerdictRenderer markdown(String window) {
    return (v, out) -> out.write(MarkdownSummary.render(v, window));
  }

  static VerdictRenderer junit() {
    return JUnitXmlWriter::write;
  }
}
