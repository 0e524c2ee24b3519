package dev.zonecost.advise;

import dev.zonecost.engine.EndpointTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The window cut where the Services' ready endpoints change: kube-proxy decides per moment, and
 * within a segment every Service's endpoints per zone are what they were at each of its steps, so
 * one exact report per segment gives each step's clients' bytes without reading every step.
 * Segments whose every kube-proxy decision is the same (which zones and nodes have an endpoint,
 * whether one has no zone or no node) are joined when there would be more than {@link #MAX}; the
 * saving stays exact, the loads and Auto's hints are then averaged within them. When even those are
 * more than {@link #MAX}, the shortest are joined although the decisions change within them ({@link
 * Segment#sameDecisions()} false): the saving is then averaged there too, and says so.
 */
public final class StepSegments {
  /** Reports per window at most before segments are joined. */
  public static final int MAX = 48;

  private StepSegments() {}

  /**
   * @param from first step
   * @param to last step (inclusive)
   * @param exact whether every Service's endpoints per zone are the same in each of its steps
   * @param sameDecisions whether kube-proxy decides the same in each of its steps (true of every
   *     segment but those joined past {@link #MAX} changes of decision)
   */
  public record Segment(int from, int to, boolean exact, boolean sameDecisions) {
    public Segment(int from, int to, boolean exact) {
      this(from, to, exact, true);
    }

    public int steps() {
      return to - from + 1;
    }
  }

  public static List<Segment> split(EndpointTimeline t) {
    if (t.isEmpty()) {
      return List.of();
    }
    List<Segment> fine = runs(t, true);
    if (fine.size() <= MAX) {
      return fine;
    }
    List<Segment> coarse = runs(t, false);
    while (coarse.size() > MAX) {
      coarse = joinShortest(coarse);
    }
    return coarse;
  }

  private static List<Segment> runs(EndpointTimeline t, boolean counts) {
    List<Segment> out = new ArrayList<>();
    Object last = null;
    int from = 0;
    for (int i = 0; i < t.steps(); i++) {
      Object key = key(t, i, counts);
      if (i > 0 && !Objects.equals(key, last)) {
        out.add(new Segment(from, i - 1, counts));
        from = i;
      }
      last = key;
    }
    out.add(new Segment(from, t.steps() - 1, counts));
    return out;
  }

  /**
   * Per Service, its endpoints per zone, or only what kube-proxy's rule reads of them; and the
   * nodes they are on (PreferSameNode's rule reads which nodes have one).
   */
  private static Object key(EndpointTimeline t, int i, boolean counts) {
    Map<String, Object> key = new TreeMap<>();
    for (String svc : t.ready().keySet()) {
      Map<String, Integer> at = t.at(svc, i);
      key.put(svc, List.of(counts ? at : new TreeSet<>(at.keySet()), t.nodesAt(svc, i).keySet()));
    }
    return key;
  }

  private static List<Segment> joinShortest(List<Segment> s) {
    int best = 0;
    for (int i = 1; i < s.size(); i++) {
      if (s.get(i).steps() < s.get(best).steps()) {
        best = i;
      }
    }
    int with = best == 0 ? 1 : best == s.size() - 1 ? best - 1 : best - 1;
    int lo = Math.min(best, with);
    List<Segment> out = new ArrayList<>(s.subList(0, lo));
    out.add(new Segment(s.get(lo).from(), s.get(lo + 1).to(), false, false));
    out.addAll(s.subList(lo + 2, s.size()));
    return out;
  }

  public static Instant start(EndpointTimeline t, Segment s) {
    return t.stepStart(s.from());
  }

  public static Instant end(EndpointTimeline t, Segment s) {
    return t.stepEnd(s.to());
  }

  /** Per zone ("" without zone), the Service's ready endpoints averaged over the segment. */
  public static Map<String, Double> endpoints(EndpointTimeline t, String svc, Segment s) {
    Map<String, Double> out = new TreeMap<>();
    for (int i = s.from(); i <= s.to(); i++) {
      t.at(svc, i).forEach((z, n) -> out.merge(z, n / (double) s.steps(), Double::sum));
    }
    return out;
  }

  /** Per zone, the share of the segment's steps with a ready endpoint there. */
  public static Map<String, Double> coverage(EndpointTimeline t, String svc, Segment s) {
    Map<String, Double> out = new TreeMap<>();
    for (int i = s.from(); i <= s.to(); i++) {
      t.at(svc, i).forEach((z, n) -> out.merge(z, 1.0 / s.steps(), Double::sum));
    }
    return out;
  }
}
