package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.engine.EndpointTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The window cut where the ready endpoints change (issue 27). */
class StepSegmentsTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  /** One Service "shop/api": per zone and per node, its ready endpoints step by step. */
  static EndpointTimeline timeline(Map<String, int[]> zones, Map<String, int[]> nodes) {
    int steps = zones.values().iterator().next().length;
    BitSet reported = new BitSet();
    reported.set(0, steps);
    return new EndpointTimeline(
        T0,
        T0.plusSeconds(60),
        Duration.ofMinutes(1),
        steps,
        Map.of("shop/api", zones),
        reported,
        Map.of("shop/api", nodes));
  }

  @Test
  void a_zone_losing_its_endpoint_cuts_the_window_there() {
    EndpointTimeline t =
        timeline(
            Map.of("a", new int[] {2, 2, 2, 2, 2, 2}, "b", new int[] {1, 1, 1, 0, 0, 0}),
            Map.of("n1", new int[] {2, 2, 2, 2, 2, 2}, "n2", new int[] {1, 1, 1, 0, 0, 0}));
    List<StepSegments.Segment> s = StepSegments.split(t);
    assertEquals(
        List.of(new StepSegments.Segment(0, 2, true), new StepSegments.Segment(3, 5, true)), s);
    assertEquals(Map.of("a", 2.0, "b", 1.0), StepSegments.endpoints(t, "shop/api", s.get(0)));
    assertEquals(Map.of("a", 1.0), StepSegments.coverage(t, "shop/api", s.get(1)));
    assertEquals(T0.plusSeconds(180), StepSegments.start(t, s.get(1)));
    assertEquals(T0.plusSeconds(360), StepSegments.end(t, s.get(1)));
  }

  @Test
  void an_endpoint_moving_to_another_node_of_its_zone_cuts_the_window_too() {
    // PreferSameNode reads which nodes have an endpoint: same zones, other node, another segment
    EndpointTimeline t =
        timeline(
            Map.of("a", new int[] {1, 1, 1, 1}),
            Map.of("n1", new int[] {1, 1, 0, 0}, "n2", new int[] {0, 0, 1, 1}));
    assertEquals(2, StepSegments.split(t).size());
  }

  @Test
  void more_runs_than_the_limit_are_joined_where_kube_proxys_decisions_do_not_change() {
    // the count in zone a changes every step (2, 3, 2, 3, ...): the zone set never does
    int steps = 3 * StepSegments.MAX;
    int[] a = new int[steps];
    int[] n = new int[steps];
    for (int i = 0; i < steps; i++) {
      a[i] = 2 + i % 2;
      n[i] = a[i];
    }
    EndpointTimeline t = timeline(Map.of("a", a), Map.of("n1", n));
    List<StepSegments.Segment> s = StepSegments.split(t);
    assertEquals(List.of(new StepSegments.Segment(0, steps - 1, false)), s);
    assertEquals(2.5, StepSegments.endpoints(t, "shop/api", s.get(0)).get("a"), 1e-9);
  }

  /**
   * Seeded: the segments tile the window in order, at most {@link StepSegments#MAX}; within an
   * exact one every step has the same endpoints, within a joined one the same zones (while there
   * are no more than MAX changes of them); the endpoints averaged per segment, weighted by its
   * steps, add up to the window's total endpoint-steps per zone.
   */
  @Test
  void property_segments_tile_the_window_and_keep_its_totals() {
    SplittableRandom rng = new SplittableRandom(27);
    for (int trial = 0; trial < 300; trial++) {
      int steps = 1 + rng.nextInt(200);
      int changeEvery = 1 + rng.nextInt(20);
      Map<String, int[]> zones = new TreeMap<>();
      Map<String, int[]> nodes = new TreeMap<>();
      for (String z : new String[] {"a", "b", ""}) {
        zones.put(z, new int[steps]);
        nodes.put("n-" + z, new int[steps]);
      }
      for (int i = 0; i < steps; i++) {
        for (String z : zones.keySet()) {
          int c =
              i > 0 && i % changeEvery != 0
                  ? zones.get(z)[i - 1]
                  : rng.nextInt(z.isEmpty() ? 2 : 4);
          zones.get(z)[i] = c;
          nodes.get("n-" + z)[i] = c;
        }
      }
      EndpointTimeline t = timeline(zones, nodes);
      List<StepSegments.Segment> s = StepSegments.split(t);
      int decisions = 1;
      for (int i = 1; i < steps; i++) {
        if (!t.at("shop/api", i).keySet().equals(t.at("shop/api", i - 1).keySet())
            || !t.nodesAt("shop/api", i).keySet().equals(t.nodesAt("shop/api", i - 1).keySet())) {
          decisions++;
        }
      }
      String ctx = "trial " + trial + " " + s;
      assertEquals(
          decisions <= StepSegments.MAX,
          s.stream().allMatch(StepSegments.Segment::sameDecisions),
          "decisions are averaged only past MAX changes of them: " + ctx);
      assertTrue(s.size() <= StepSegments.MAX, ctx);
      assertEquals(0, s.get(0).from(), ctx);
      assertEquals(steps - 1, s.get(s.size() - 1).to(), ctx);
      Map<String, Double> total = new TreeMap<>();
      for (int k = 0; k < s.size(); k++) {
        StepSegments.Segment seg = s.get(k);
        if (k > 0) {
          assertEquals(s.get(k - 1).to() + 1, seg.from(), ctx);
        }
        if (seg.exact()) {
          for (int i = seg.from(); i <= seg.to(); i++) {
            assertEquals(t.at("shop/api", seg.from()), t.at("shop/api", i), ctx);
          }
        } else if (seg.sameDecisions()) {
          // joined only where kube-proxy's decisions do not change (beyond MAX of those, the
          // shortest are joined anyway and the step-by-step decision is averaged)
          for (int i = seg.from(); i <= seg.to(); i++) {
            assertEquals(t.at("shop/api", seg.from()).keySet(), t.at("shop/api", i).keySet(), ctx);
          }
        }
        StepSegments.endpoints(t, "shop/api", seg)
            .forEach((z, e) -> total.merge(z, e * seg.steps(), Double::sum));
      }
      for (Map.Entry<String, int[]> z : zones.entrySet()) {
        double sum = java.util.Arrays.stream(z.getValue()).sum();
        assertEquals(sum, total.getOrDefault(z.getKey(), 0.0), 1e-6, ctx);
      }
      assertFalse(s.isEmpty());
    }
  }
}
