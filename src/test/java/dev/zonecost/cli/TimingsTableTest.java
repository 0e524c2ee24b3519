package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.Timings;
import dev.zonecost.common.UsageException;
import dev.zonecost.promql.LabelledQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTableTest {
  private static final long MS = 1_000_000L;

  @Test
  void requestsInTheOrderSentNamedByTheirLabelThenSumsPhasesAndTotal() throws Exception {
    Timings t = Timings.recording();
    t.phase(new Timings.Phase(TimingsTable.JVM_START, 200 * MS, 0));
    // recorded out of order, as parallel requests finish
    t.request(new Timings.Request("q2", 30 * MS, 20 * MS, 10 * MS, 2_000, Double.NaN, 1_050 * MS));
    t.request(new Timings.Request("q1", 100 * MS, 50 * MS, 40 * MS, 1_234_567, 0.09, 1_000 * MS));
    String long60 = "x".repeat(60);
    t.request(new Timings.Request(long60, 5 * MS, 5 * MS, 1 * MS, 10, 0.002, 1_100 * MS));
    t.phase("rendering", () -> "done");
    List<String> lines =
        TimingsTable.lines(t, List.of(new LabelledQuery("the census", "q1")), 2_500 * MS);

    assertEquals(
        "zonecost: timings (seconds; bytes of the answers after decompression)", lines.get(0));
    assertTrue(lines.get(1).startsWith("request"), lines.get(1));
    assertRow(lines.get(2), "the census", "0.090", "0.100", "0.050", "0.040", "1,234,567");
    assertRow(lines.get(3), "q2", "-", "0.030", "0.020", "0.010", "2,000");
    assertTrue(lines.get(4).startsWith("x".repeat(49) + "…"), lines.get(4));
    assertRow(lines.get(5), "sum of 3 requests", "0.092", "0.135", "0.075", "0.051", "1,236,577");
    assertTrue(lines.get(6).startsWith("phase"), lines.get(6));
    assertRow(lines.get(7), TimingsTable.JVM_START, "0.200", "-");
    // first sent at 1.000 s, last answered at 1.150 s (q1: 100 ms wait + 50 ms read)
    assertRow(lines.get(8), TimingsTable.REQUESTS, "0.150", "-");
    assertTrue(lines.get(9).startsWith("rendering "), lines.get(9));
    assertRow(lines.get(10), TimingsTable.TOTAL, "2.500", "-");
    assertEquals(11, lines.size());
  }

  @Test
  void noRequestsNoRequestsPhase() {
    List<String> lines = TimingsTable.lines(Timings.recording(), List.of(), 10 * MS);
    assertRow(lines.get(2), "sum of 0 requests", "-", "0.000", "0.000", "0.000", "0");
    assertRow(lines.get(4), TimingsTable.TOTAL, "0.010", "-");
    assertEquals(5, lines.size());
  }

  @Test
  void aPhaseCountsItsThreadsCpuLessTheDecodingDoneOnIt() throws Exception {
    Timings t = Timings.recording();
    t.phase(
        "work",
        () -> {
          long until = Timings.cpuNanos() + 30 * MS;
          while (Timings.cpuNanos() < until) {
            Thread.onSpinWait();
          }
          // a request read on this thread: its decoding is its own line, not the phase's
          t.request(new Timings.Request("q", 0, 0, 20 * MS, 0, Double.NaN, 0));
          return null;
        });
    Timings.Phase p = t.phases().get(0);
    assertTrue(p.cpuNanos() >= 5 * MS && p.cpuNanos() < 30 * MS, "cpu " + p.cpuNanos());
    assertTrue(p.wallNanos() >= 30 * MS, "wall " + p.wallNanos());
  }

  @Test
  void offRecordsNothing() throws Exception {
    assertEquals("x", Timings.OFF.phase("p", () -> "x"));
    Timings.OFF.request(new Timings.Request("q", 0, 0, 0, 0, 0, 0));
    assertTrue(Timings.OFF.phases().isEmpty() && Timings.OFF.requests().isEmpty());
  }

  @Test
  void refusedWithSeveralReports() {
    TimingsOption o = new TimingsOption();
    o.timings = true;
    assertThrows(UsageException.class, () -> o.collector(true));
    assertTrue(o.collector(false).on());
    o.timings = false;
    assertEquals(Timings.OFF, o.collector(true));
  }

  private static void assertRow(String line, String name, String... cells) {
    assertTrue(line.startsWith(name + " "), line);
    List<String> got = List.of(line.substring(50).trim().split("\\s+"));
    assertEquals(List.of(cells), got, line);
  }
}
