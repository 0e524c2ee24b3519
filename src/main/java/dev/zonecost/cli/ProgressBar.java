package dev.zonecost.cli;

import dev.zonecost.engine.Progress;
import java.io.PrintWriter;

/** One line on stderr, rewritten in place, only when there is more than one chunk to read. */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void chunkDone(int done, int total) {
    if (total < 2) {
      return;
    }
    int filled = WIDTH * done / total;
    err.print(
        "\rzonecost: reading raw samples ["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + total);
    if (done == total) {
      err.print("\r" + " ".repeat(WIDTH + 50) + "\r");
    }
    err.flush();
  }
}
