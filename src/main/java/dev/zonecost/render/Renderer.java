package dev.zonecost.render;

import dev.zonecost.report.Report;
import java.io.IOException;
import java.io.Writer;

/** A view of the report. Renderers format; they never compute. */
public interface Renderer {
  void render(Report report, Writer out) throws IOException;
}
