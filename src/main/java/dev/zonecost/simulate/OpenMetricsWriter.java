package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Series;
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
    write(c, w, null, SampleSlice.ALL);
  }

  /**
   * The same, with another byte source's series in place of Retina's ({@link BeylaWriter}, {@link
   * IstioWriter}); Retina's when {@code counters} is null. Only the samples inside {@code slice}
   * are written (every family's {@code # TYPE} line is); returns how many.
   */
  static long write(SimulatedCluster c, Writer w, List<SourceCounter> counters, SampleSlice slice)
      throws IOException {
    return write(c, w, counters, slice, false);
  }

  /**
   * @param withRetina whether Retina's series stay beside the other source's (a meshed cluster that
   *     runs Retina too)
   */
  static long write(
      SimulatedCluster c,
      Writer w,
      List<SourceCounter> counters,
      SampleSlice slice,
      boolean withRetina)
      throws IOException {
    Writer out = w instanceof BufferedWriter ? w : new BufferedWriter(w, 1 << 16);
    long t0 = c.dataStart().getEpochSecond();
    long dt = c.scrapeInterval().getSeconds();
    int first = slice.firstStep(t0, dt);
    int end = slice.endStep(t0, dt);
    long written = 0;
    String family = null;
    StringBuilder line = new StringBuilder(512);
    for (Series s : c.series()) {
      if (counters != null
          && !withRetina
          && s.family().equals(SimulatedCluster.RETINA_FORWARD_BYTES)) {
        continue;
      }
      if (!s.family().equals(family)) {
        family = s.family();
        out.write("# TYPE " + family + " gauge\n");
      }
      BitSet present = c.presentSteps(s);
      int k = present.nextSetBit(first);
      if (k < 0 || k >= end) {
        continue; // nothing in this slice: its values are not even computed
      }
      long[] values = s.valuesOrNull();
      written +=
          writeSamples(
              out, line, s.family(), s.labels(), present, s.from(), values, t0, dt, k, end);
    }
    if (counters != null) {
      Map<String, List<SourceCounter>> byFamily = new LinkedHashMap<>();
      counters.forEach(x -> byFamily.computeIfAbsent(x.family(), k -> new ArrayList<>()).add(x));
      for (Map.Entry<String, List<SourceCounter>> e : byFamily.entrySet()) {
        out.write("# TYPE " + e.getKey().replaceFirst("_total$", "") + " counter\n");
        for (SourceCounter x : e.getValue()) {
          int k = x.present().nextSetBit(first);
          if (k >= 0 && k < end) {
            written +=
                writeSamples(
                    out,
                    line,
                    x.family(),
                    x.labels(),
                    x.present(),
                    x.from(),
                    x.values(),
                    t0,
                    dt,
                    k,
                    end);
          }
        }
      }
    }
    out.write("# EOF\n");
    out.flush();
    return written;
  }

  /**
   * Writes the present steps from {@code first} (present) to before {@code end}; returns how many.
   */
  private static long writeSamples(
      Writer out,
      StringBuilder line,
      String family,
      Map<String, String> labels,
      BitSet present,
      int from,
      long[] values,
      long t0,
      long dt,
      int firstStep,
      int end)
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
    long n = 0;
    for (int k = firstStep; k >= 0 && k < end; k = present.nextSetBit(k + 1)) {
      n++;
      line.setLength(prefix);
      line.append(values == null ? 1 : values[k - from])
          .append(' ')
          .append(t0 + k * dt)
          .append('\n');
      out.append(line);
    }
    return n;
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
