package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void should_draw_in_place_and_clear_when_done() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err));
    bar.chunkDone(1, 4);
    bar.chunkDone(4, 4);
    String s = err.toString();
    assertTrue(s.startsWith("\rzonecost: reading raw samples [#######"), s);
    assertTrue(s.contains("] 1/4"), s);
    assertTrue(s.endsWith("\r"), "the line is cleared at the end: " + s);
  }

  @Test
  void should_say_nothing_for_a_single_chunk() {
    StringWriter err = new StringWriter();
    new ProgressBar(new PrintWriter(err)).chunkDone(1, 1);
    assertEquals("", err.toString());
  }
}
