package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.accounting.RandomCounters.Counter;
import dev.zonecost.accounting.WindowBytes.Birth;
import dev.zonecost.accounting.WindowBytes.BirthFacts;
import dev.zonecost.accounting.WindowBytes.Segment;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The production definition ({@link WindowBytes}: born decision, sample form over chunks, closed
 * form with the reset sum) against the twin written from DESIGN §3 ({@link NaiveWindowBytes}).
 */
class WindowBytesTest {
  private static final long L = 3_600_000;

  @Test
  void a_sample_in_the_look_behind_makes_a_baseline_whatever_the_agent() {
    assertEquals(Birth.PRE_EXISTING, WindowBytes.birth(new BirthFacts(true, true, 5L, 9L)));
    assertEquals(Birth.PRE_EXISTING, WindowBytes.birth(new BirthFacts(true, false, null, null)));
  }

  @Test
  void an_agent_scraped_in_the_look_behind_makes_its_new_series_born() {
    assertEquals(Birth.BORN, WindowBytes.birth(new BirthFacts(false, true, null, null)));
  }

  @Test
  void a_series_later_than_its_agents_first_scrape_is_born() {
    assertEquals(Birth.BORN, WindowBytes.birth(new BirthFacts(false, false, 5L, 9L)));
    assertEquals(Birth.BORN, WindowBytes.birth(new BirthFacts(false, false, 5L, null)));
  }

  @Test
  void a_series_that_begins_with_its_agents_data_is_unknowable_and_not_counted() {
    assertEquals(Birth.UNKNOWABLE, WindowBytes.birth(new BirthFacts(false, false, 5L, 5L)));
    assertEquals(Birth.UNKNOWABLE, WindowBytes.birth(new BirthFacts(false, false, null, null)));
    assertEquals(false, Birth.UNKNOWABLE.counts());
    assertEquals(false, Birth.PRE_EXISTING.counts());
  }

  @Test
  void chunks_that_share_their_boundary_sample_join_to_the_whole() {
    Segment a = new WindowBytes.Samples(0, 180).add(0, 5).add(60, 9).add(120, 2).segment();
    Segment b = new WindowBytes.Samples(0, 180).add(120, 2).add(180, 6).segment();
    // born at 0 (first value 5) + 4 + reset 2 + 4
    assertEquals(15, a.then(b).bytes(Birth.BORN));
    assertEquals(10, a.then(b).bytes(Birth.PRE_EXISTING));
  }

  /** The facts of one counter for a window, read off its samples and its agent's. */
  static BirthFacts facts(RandomCounters w, Counter c, long start, long end) {
    boolean before = false;
    Long first = null;
    for (long t : c.ts()) {
      before |= t >= start - L && t <= start;
      if (first == null && t >= start && t <= end) {
        first = t;
      }
    }
    List<Long> agent = w.agentScrapes.get(c.agent());
    boolean agentBefore = agent.stream().anyMatch(t -> t >= start - L && t < start);
    Long agentFirst = agent.stream().filter(t -> t >= start && t <= end).findFirst().orElse(null);
    return new BirthFacts(before, agentBefore, agentFirst, first);
  }

  @RepeatedTest(300)
  void sample_form_over_random_chunks_and_closed_form_equal_the_twin(RepetitionInfo info) {
    SplittableRandom r = new SplittableRandom(7_000L + info.getCurrentRepetition());
    RandomCounters world = new RandomCounters(r, 5 * 3_600_000L);
    for (int k = 0; k < 5; k++) {
      long[] w = world.window(r);
      long start = w[0];
      long end = w[1];
      for (Counter c : world.counters) {
        String where =
            "seed " + (7_000L + info.getCurrentRepetition()) + " window " + start + ".." + end;
        double want = world.expected(c, start, end, L);
        Birth birth = WindowBytes.birth(facts(world, c, start, end));

        // sample form, read in chunks that overlap at their edges (closed ranges)
        Segment joined = Segment.EMPTY;
        long from = start - r.nextLong(600_000);
        while (true) {
          long to = Math.min(end, from + 1 + r.nextLong(3_600_000));
          WindowBytes.Samples chunk = new WindowBytes.Samples(start, end);
          for (int i = 0; i < c.ts().length; i++) {
            if (c.ts()[i] >= from && c.ts()[i] <= to) {
              chunk.add(c.ts()[i], c.vs()[i]);
            }
          }
          joined = joined.then(chunk.segment());
          if (to == end) {
            break;
          }
          from = to;
        }
        assertEquals(want, joined.bytes(birth), 0, "sample form, " + where);

        // closed form: first and last in-window values and the values before each reset
        WindowBytes.Samples all = new WindowBytes.Samples(start, end);
        for (int i = 0; i < c.ts().length; i++) {
          all.add(c.ts()[i], c.vs()[i]);
        }
        Segment s = all.segment();
        if (s.any()) {
          double resets = all.drops().values().stream().mapToDouble(Double::doubleValue).sum();
          assertEquals(
              want, WindowBytes.closed(s.first(), s.last(), resets, birth), 0, "closed, " + where);
        } else {
          assertEquals(0, want, where);
        }
      }
    }
  }
}
