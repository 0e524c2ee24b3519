package dev.zonecost.cli;

import dev.zonecost.common.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Where a command's data goes: {@code --output-file} (atomically, said on stderr) or stdout. */
final class DataOutput {
  private DataOutput() {}

  static void write(Path file, PrintWriter out, PrintWriter err, AtomicFile.Body body)
      throws IOException {
    if (file != null) {
      AtomicFile.write(file, body);
      err.println("zonecost: wrote " + file);
    } else {
      body.write(out);
      out.flush();
    }
  }
}
