package dev.zonecost.render;

import dev.zonecost.common.AtomicFile;
import dev.zonecost.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/** Writes a rendered report to stdout or, all or nothing, to a file. */
public final class Output {
  private Output() {}

  public static void toWriter(Renderer renderer, Report report, Writer out) throws IOException {
    renderer.render(report, out);
    out.flush();
  }

  public static void toFile(Renderer renderer, Report report, Path file) throws IOException {
    AtomicFile.write(file, w -> renderer.render(report, w));
  }
}
