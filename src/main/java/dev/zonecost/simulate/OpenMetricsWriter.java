package dev.zonecost.simulate;

import dev.zonecost.simulate.SimulatedCluster.Series;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.BitSet;
import java.util.Map;

/**
 * A simulated cluster's series as OpenMetrics text, for {@code promtool tsdb create-blocks-from}.
 */
final class OpenMetricsWriter {
  private OpenMetricsWriter() {}

  /**
   * Writes every series as OpenMetrics text: one {@code # TYPE} per family, a family's series
   * together, each series' samples in time order, integer values, timestamps in seconds, and a
   * final {@code # EOF}. The writer is flushed, not closed. Streams: only one series' values are in
   * memory at a time.
   */
  static void write(SimulatedCluster c, Writer w) throws IOException {
    Writer out = w instanceof BufferedWriter ? w : new BufferedWriter(w, 1 << 16);
    long t0 = c.dataStart().getEpochSecond();
    long dt = c.scrapeInterval().getSeconds();
    String family = null;
    StringBuilder line = new StringBuilder(512);
    for (Series s : c.series()) {
      if (!s.family().equals(family)) {
        family = s.family();
        out.write("# TYPE " + family + " gauge\n");
      }
      line.setLength(0);
      line.append(s.family()).append('{');
      boolean first = true;
      for (Map.Entry<String, String> e : s.labels().entrySet()) {
        if (!first) {
          line.append(',');
        }
        first = false;
        line.append(e.getKey()).append("=\"");
        escapeLabelValue(line, e.getValue());
        line.append('"');
      }
      line.append("} ");
      int prefix = line.length();
      long[] values = s.valuesOrNull();
      BitSet present = c.presentSteps(s);
      for (int k = present.nextSetBit(0); k >= 0; k = present.nextSetBit(k + 1)) {
        line.setLength(prefix);
        line.append(values == null ? 1 : values[k - s.from()])
            .append(' ')
            .append(t0 + k * dt)
            .append('\n');
        out.append(line);
      }
    }
    out.write("# EOF\n");
    out.flush();
  }

  static void escapeLabelValue(StringBuilder sb, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
  }
}
