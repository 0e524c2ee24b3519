package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.prometheus.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class SegmentTest {
  @Test
  void should_join_two_chunks_that_share_their_boundary_sample() {
    List<Sample> all =
        List.of(new Sample(0, 5), new Sample(60, 9), new Sample(120, 2), new Sample(180, 6));
    Segment a = Segment.of(all.subList(0, 3), 0, 180);
    Segment b = Segment.of(all.subList(2, 4), 0, 180);
    // began at 0 (first value 5) + 4 + reset 2 + 4
    assertEquals(15, a.then(b).bytes());
  }

  /** Random series with resets and gaps, cut into random chunks that overlap at their edges. */
  @RepeatedTest(200)
  void should_equal_the_window_counter_for_any_cut_into_chunks(RepetitionInfo info) {
    SplittableRandom rnd = new SplittableRandom(info.getCurrentRepetition());
    List<Sample> samples = new ArrayList<>();
    long t = rnd.nextLong(0, 600);
    double v = rnd.nextInt(0, 1000);
    int n = rnd.nextInt(0, 60);
    for (int i = 0; i < n; i++) {
      samples.add(new Sample(t, v));
      t += rnd.nextLong(1, 120);
      v = rnd.nextInt(10) == 0 ? rnd.nextInt(0, 50) : v + rnd.nextInt(0, 500);
    }
    long start = rnd.nextLong(0, 1200);
    long end = start + rnd.nextLong(0, 4000);
    NaiveWindowBytes counter = new NaiveWindowBytes(start, end);
    samples.forEach(s -> counter.add(s.timestampMillis(), s.value()));

    Segment joined = Segment.EMPTY;
    long chunkStart = start - 300;
    while (chunkStart <= end) {
      long chunkEnd = Math.min(end, chunkStart + rnd.nextLong(1, 900));
      List<Sample> chunk = new ArrayList<>();
      for (Sample s : samples) {
        if (s.timestampMillis() >= chunkStart && s.timestampMillis() <= chunkEnd) {
          chunk.add(s);
        }
      }
      joined = joined.then(Segment.of(chunk, start, end));
      if (chunkEnd == end) {
        break;
      }
      chunkStart = chunkEnd; // closed ranges: the boundary sample is in both chunks
    }
    assertEquals(
        counter.bytes(),
        joined.bytes(),
        1e-9,
        "samples " + samples + " window " + start + ".." + end);
  }
}
