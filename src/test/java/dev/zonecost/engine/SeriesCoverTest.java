package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The matchers of the reads by name: they select every wanted series, and few others. */
class SeriesCoverTest {
  private static Map<String, String> series(String agent, String src, String dst) {
    return Map.of(
        "instance",
        agent,
        "source_podname",
        src,
        "destination_podname",
        dst,
        "direction",
        "EGRESS");
  }

  /** The series a matcher list selects, evaluated here as the server would (anchored regex). */
  private static List<Map<String, String>> selected(
      List<Map<String, String>> census, List<String> matchers) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> s : census) {
      boolean all = true;
      for (String m : matchers) {
        Matcher mm = Pattern.compile("^([a-z_]+)=~\"(.*)\"$").matcher(m);
        assertTrue(mm.matches(), m);
        String re = mm.group(2).replace("\\\\", "\\");
        all &= Pattern.matches(re, s.getOrDefault(mm.group(1), ""));
      }
      if (all) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void selects_a_whole_agent_by_its_instance_when_every_series_of_it_is_wanted() {
    List<Map<String, String>> census = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      census.add(series("retina-a", "p" + i, "q" + (i % 3)));
      census.add(series("retina-b", "p" + i, "q" + (i % 3)));
    }
    List<Map<String, String>> wanted =
        census.stream().filter(s -> s.get("instance").equals("retina-a")).toList();
    List<List<String>> cover = SeriesCover.of(census, wanted);
    assertEquals(List.of(List.of("instance=~\"retina-a\"")), cover);
  }

  @Test
  void selects_new_pods_by_their_own_name_not_their_agents() {
    List<Map<String, String>> census = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      census.add(series("retina-a", "old" + i, "db"));
    }
    census.add(series("retina-a", "new-1", "db"));
    census.add(series("retina-a", "new.2", "db"));
    List<Map<String, String>> wanted = census.subList(20, 22);
    List<List<String>> cover = SeriesCover.of(census, wanted);
    assertEquals(List.of(List.of("source_podname=~\"new-1|new\\\\.2\"")), cover);
    assertEquals(Set.copyOf(wanted), Set.copyOf(selected(census, cover.get(0))));
  }

  @Test
  void cuts_long_alternations_into_batches_under_the_limit() {
    List<Map<String, String>> census = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      census.add(series("retina-" + (i % 7), "pod-with-a-long-name-" + i, "db-" + i));
    }
    List<Map<String, String>> wanted = census.subList(0, 300);
    List<List<String>> cover = SeriesCover.of(census, wanted, 1_000);
    assertTrue(cover.size() > 1, "batches: " + cover.size());
    Set<Map<String, String>> union = new HashSet<>();
    for (List<String> m : cover) {
      assertTrue(m.get(0).length() < 1_000 + 40, m.get(0));
      union.addAll(selected(census, m));
    }
    assertTrue(union.containsAll(wanted));
  }

  @RepeatedTest(20)
  void the_batches_together_select_every_wanted_series(RepetitionInfo info) {
    Random r = new Random(4_200L + info.getCurrentRepetition());
    List<Map<String, String>> census = new ArrayList<>();
    int n = 50 + r.nextInt(300);
    for (int i = 0; i < n; i++) {
      census.add(
          series("retina-" + r.nextInt(5), "p" + r.nextInt(40), "q" + r.nextInt(40) + "." + i % 3));
    }
    List<Map<String, String>> wanted = new ArrayList<>();
    for (Map<String, String> s : census) {
      if (r.nextInt(4) == 0) {
        wanted.add(s);
      }
    }
    Set<Map<String, String>> union = new HashSet<>();
    for (List<String> m : SeriesCover.of(census, wanted, 200)) {
      union.addAll(selected(census, m));
    }
    assertTrue(union.containsAll(wanted));
    assertTrue(SeriesCover.of(census, List.of()).isEmpty());
  }
}
