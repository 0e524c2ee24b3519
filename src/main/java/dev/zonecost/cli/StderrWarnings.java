package dev.zonecost.cli;

import dev.zonecost.prometheus.WarningSink;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The server's warnings on stderr, always, one line each and each text once; infos with -v. */
final class StderrWarnings implements WarningSink {
  static final String WARNING_PREFIX = "zonecost: warning from Prometheus: ";
  static final String INFO_PREFIX = "zonecost: info from Prometheus: ";

  private final PrintWriter err;
  private final boolean verbose;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  StderrWarnings(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public void warning(String text) {
    print(WARNING_PREFIX, text);
  }

  @Override
  public void info(String text) {
    if (verbose) {
      print(INFO_PREFIX, text);
    }
  }

  private void print(String prefix, String text) {
    String line = prefix + text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    if (seen.add(line)) {
      synchronized (err) {
        err.println(line);
        err.flush();
      }
    }
  }
}
