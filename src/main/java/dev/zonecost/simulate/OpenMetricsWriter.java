package dev.zonecost.simulate;

import dev.zonecost.simulate.SimulatedCluster.Series;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
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
    write(c, w, null);
  }

  /**
   * The same, with another byte source's series in place of Retina's ({@link BeylaWriter}, {@link
   * IstioWriter}); Retina's when {@code counters} is null.
   */
  static void write(SimulatedCluster c, Writer w, List<SourceCounter> counters) throws IOException {
    Writer out = w instanceof BufferedWriter ? w : new BufferedWriter(w, 1 << 16);
    long t0 = c.dataStart().getEpochSecond();
    long dt = c.scrapeInterval().getSeconds();
    String family = null;
    StringBuilder line = new StringBuilder(512);
    for (Series s : c.series()) {
      if (counters != null && s.family().equals(SimulatedCluster.RETINA_FORWARD_BYTES)) {
        continue;
      }
      if (!s.family().equals(family)) {
        family = s.family();
        out.write("# TYPE " + family + " gauge\n");
      }
      long[] values = s.valuesOrNull();
      writeSamples(out, line, s.family(), s.labels(), c.presentSteps(s), s.from(), values, t0, dt);
    }
    if (counters != null) {
      Map<String, List<SourceCounter>> byFamily = new LinkedHashMap<>();
      counters.forEach(x -> byFamily.computeIfAbsent(x.family(), k -> new ArrayList<>()).add(x));
      for (Map.Entry<String, List<SourceCounter>> e : byFamily.entrySet()) {
        out.write("# TYPE " + e.getKey().replaceFirst("_total$", "") + " counter\n");
        for (SourceCounter x : e.getValue()) {
          writeSamples(
              out, line, x.family(), x.labels(), x.present(), x.from(), x.values(), t0, dt);
        }
      }
    }
    out.write("# EOF\n");
    out.flush();
  }

  private static void writeSamples(
      Writer out,
      StringBuilder line,
      String family,
      Map<String, String> labels,
      BitSet present,
      int from,
      long[] values,
      long t0,
      long dt)
      throws IOException {
    line.setLength(0);
    line.append(family).append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : labels.entrySet()) {
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
    for (int k = present.nextSetBit(0); k >= 0; k = present.nextSetBit(k + 1)) {
      line.setLength(prefix);
      line.append(values == null ? 1 : values[k - from])
          .append(' ')
          .append(t0 + k * dt)
          .append('\n');
      out.append(line);
    }
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
