package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One Service's advice over the window from its advice per segment (issue 27). */
class CombinedTest {
  static final Advisor ADVISOR = Inputs.advisor();

  static Combined.Part part(Inputs in, double share) {
    return new Combined.Part(ADVISOR.advise(in.build()), share);
  }

  @Test
  void a_zoneless_endpoint_for_the_first_48_percent_gates_only_that_share() {
    Inputs gated =
        Inputs.service().clients("a", 480, 240).endpoints("a", 1).endpoints("b", 1).withoutZone(1);
    Inputs free = Inputs.service().clients("a", 520, 260).endpoints("a", 1).endpoints("b", 1);
    Advice a = Combined.of(List.of(part(gated, 0.48), part(free, 0.52)), ADVISOR, free.build());
    assertEquals(500, a.crossBytes());
    assertEquals(260, a.savingBytes(), "only the segment without the zoneless endpoint saves");
    assertEquals(240, a.remainingCrossBytes());
    assertEquals(List.of(Gating.ENDPOINTS_WITHOUT_ZONE), a.gating());
    assertEquals(0.48, a.shares().shareOf(Gating.ENDPOINTS_WITHOUT_ZONE), 1e-9);
    assertEquals(0.48, a.endpointsWithoutZone(), 1e-9, "averaged over the window");
    assertEquals(1000L, a.clientBytes().get("a"));
    assertTrue(a.todo().contains("for 48% of the window"), a.todo());
  }

  @Test
  void the_loads_shown_are_the_worst_segments_and_the_overloaded_share_adds_up() {
    // one endpoint in a and three in b, all clients in a: a overloaded for the first quarter;
    // then one endpoint per zone and clients split evenly
    Inputs hot = Inputs.service().clients("a", 1000, 750).endpoints("a", 1).endpoints("b", 3);
    Inputs even =
        Inputs.service()
            .clients("a", 500, 250)
            .clients("b", 500, 250)
            .endpoints("a", 1)
            .endpoints("b", 1);
    Advice a = Combined.of(List.of(part(hot, 0.25), part(even, 0.75)), ADVISOR, even.build());
    assertEquals(0.25, a.shares().overloadedShare(), 1e-9);
    assertEquals("a", a.shares().worstLoadZone());
    assertEquals(ADVISOR.advise(hot.build()).loads(), a.loads());
  }

  @Test
  void prefer_same_node_adds_up_per_segment_too() {
    Inputs in = Inputs.service().clients("a", 1000, 500).endpoints("a", 1).withoutZone(1);
    NodeInput local =
        new NodeInput(List.of(new NodeInput.Client("n1", "a", 1000, 500)), Set.of("n1"), true);
    Combined.Part p1 = new Combined.Part(ADVISOR.advise(in.build(), local), 0.5);
    Combined.Part p2 = new Combined.Part(ADVISOR.advise(in.build(), NodeInput.NONE), 0.5);
    Advice a = Combined.of(List.of(p1, p2), ADVISOR, in.build());
    assertEquals(0, a.savingBytes());
    assertEquals(500, a.sameNode().savingBytes());
    assertEquals(500, a.sameNode().remainingCrossBytes());
  }

  /**
   * Seeded: bytes and savings over the window are the sums over its segments (both modes), each
   * reason's share is the sum of the shares of the segments it held in, never above 1.
   */
  @Test
  void property_the_window_is_the_sum_of_its_segments() {
    SplittableRandom rng = new SplittableRandom(2727);
    String[] zones = {"a", "b", "c"};
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(6);
      List<Combined.Part> parts = new ArrayList<>();
      long cross = 0;
      long saving = 0;
      long nodeSaving = 0;
      double gatedShare = 0;
      double left = 1;
      Inputs last = null;
      for (int k = 0; k < n; k++) {
        Inputs in = Inputs.service();
        for (String z : zones) {
          long bytes = rng.nextLong(0, 10_000);
          in.clients(z, bytes, rng.nextLong(0, bytes + 1));
          if (rng.nextBoolean()) {
            in.endpoints(z, 1 + rng.nextInt(3));
          }
        }
        boolean zoneless = rng.nextInt(3) == 0;
        if (zoneless) {
          in.withoutZone(1);
        }
        double share = k == n - 1 ? left : left * rng.nextDouble();
        left -= share;
        Advice a = ADVISOR.advise(in.build());
        parts.add(new Combined.Part(a, share));
        cross += a.crossBytes();
        saving += a.savingBytes();
        nodeSaving += a.sameNode().savingBytes();
        gatedShare += a.gating().contains(Gating.ENDPOINTS_WITHOUT_ZONE) ? share : 0;
        last = in;
      }
      Advice w = Combined.of(parts, ADVISOR, last.build());
      String ctx = "trial " + trial + ": " + w;
      assertEquals(cross, w.crossBytes(), ctx);
      assertEquals(saving, w.savingBytes(), ctx);
      assertEquals(cross - saving, w.remainingCrossBytes(), ctx);
      assertEquals(nodeSaving, w.sameNode().savingBytes(), ctx);
      assertEquals(gatedShare, w.shares().shareOf(Gating.ENDPOINTS_WITHOUT_ZONE), 1e-9, ctx);
      for (Gating g : w.gating()) {
        assertTrue(w.shares().shareOf(g) <= 1 + 1e-9, ctx);
      }
    }
  }
}
