package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.advise.Verification.Verdict;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code advise --verify}'s comparison and reasons, case by case and as an invariant. */
class VerifierTest {
  static final Map<String, Double> EVERYWHERE = Map.of("a", 1.0, "b", 1.0, "c", 1.0);

  /** A Service's advice with only what the verification reads. */
  static Advice advice(
      Map<String, Long> clients, long cross, long remaining, Map<Gating, Double> gating) {
    return new Advice(
        "shop",
        "api",
        new TreeMap<>(clients),
        0,
        Map.of(),
        0,
        cross,
        cross,
        false,
        BigDecimal.ZERO,
        remaining,
        gating.isEmpty() ? cross - remaining : 0,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        List.of(),
        null,
        0,
        BigDecimal.ZERO,
        List.copyOf(gating.keySet()),
        "",
        new WindowShares(gating, 0, "", 0),
        SameNode.NONE,
        null);
  }

  static Verifier.Window window(
      Map<String, Long> clients, long cross, long remaining, Map<String, Double> coverage) {
    return new Verifier.Window(advice(clients, cross, remaining, Map.of()), coverage);
  }

  /**
   * The earlier window most cases share: 1000 bytes from each zone's clients, 2000 crossing, all
   * predicted to stay in zone.
   */
  static Verifier.Window allStayPredicted() {
    return window(even(1000), 2000, 0, EVERYWHERE);
  }

  static Map<String, Long> even(long perZone) {
    return Map.of("a", perZone, "b", perZone, "c", perZone);
  }

  static Verification verify(Verifier.Window before, Verifier.Window after, boolean hinted) {
    return Verifier.verify("shop", "api", before, after, hinted);
  }

  static List<Shortfall> causes(Verification v) {
    return v.reasons().stream().map(Verification.Reason::cause).toList();
  }

  @Test
  void a_window_three_times_longer_is_compared_by_share_of_the_bytes() {
    Verifier.Window before = allStayPredicted();
    Verifier.Window after = window(even(3000), 0, 0, EVERYWHERE);
    Verification v = verify(before, after, true);
    assertEquals(Verdict.DELIVERED, v.verdict());
    assertEquals(6000, v.baselineBytes(), "two thirds crossed before, of 9000 now");
    assertEquals(0, v.predictedBytes());
    assertEquals(1.0, v.delivered(), 1e-12);
    assertEquals(List.of(), v.reasons());
  }

  @Test
  void a_predicted_remainder_is_scaled_to_the_current_windows_bytes() {
    // Zone c has no endpoint: its third of the bytes was predicted to keep crossing.
    Map<String, Double> ab = Map.of("a", 1.0, "b", 1.0);
    Verifier.Window before = window(even(1000), 2000, 1000, ab);
    Verifier.Window after = window(even(500), 500, 500, ab);
    Verification v = verify(before, after, true);
    assertEquals(500, v.predictedBytes());
    assertEquals(1000, v.baselineBytes());
    assertEquals(Verdict.DELIVERED, v.verdict());
    assertEquals(1.0, v.delivered(), 1e-12);
  }

  @Test
  void endpoints_that_leave_a_zone_after_the_switch_are_the_reason() {
    Verifier.Window before = allStayPredicted();
    // Zone c's endpoint left after a fifth of the window: its clients cross the rest of it.
    Map<String, Double> after = Map.of("a", 1.0, "b", 1.0, "c", 0.2);
    Verification v = verify(before, window(even(1000), 800, 800, after), true);
    assertEquals(Verdict.PARTLY, v.verdict());
    assertEquals(List.of(Shortfall.ENDPOINTS_MOVED), causes(v));
    assertEquals(0.8 / 3, v.reasons().get(0).effect(), 1e-9);
    assertTrue(v.reasons().get(0).detail().contains("c had a ready endpoint 100% → 20%"));
  }

  @Test
  void clients_that_move_to_a_zone_without_endpoints_are_the_reason() {
    Map<String, Double> ab = Map.of("a", 1.0, "b", 1.0);
    Verifier.Window before = window(Map.of("a", 500L, "b", 500L), 500, 0, ab);
    Verifier.Window after = window(Map.of("a", 100L, "b", 100L, "c", 800L), 800, 800, ab);
    Verification v = verify(before, after, true);
    assertEquals(Verdict.NOT_DELIVERED, v.verdict(), "more crossed than before the switch");
    assertEquals(List.of(Shortfall.CLIENTS_MOVED), causes(v));
    assertEquals(0.8, v.reasons().get(0).effect(), 1e-9);
  }

  @Test
  void an_endpoint_without_zone_after_the_switch_suspends_the_routing() {
    Verifier.Window before = allStayPredicted();
    Map<Gating, Double> half = new EnumMap<>(Map.of(Gating.ENDPOINTS_WITHOUT_ZONE, 0.5));
    // While suspended, what crossed still crosses: the model's remainder is the measurement.
    Verifier.Window after = new Verifier.Window(advice(even(1000), 1000, 1000, half), EVERYWHERE);
    Verification v = verify(before, after, true);
    assertEquals(Verdict.PARTLY, v.verdict());
    assertEquals(List.of(Shortfall.ENDPOINTS_WITHOUT_ZONE), causes(v));
    assertEquals(0.5, v.reasons().get(0).windowShare());
    assertEquals(1.0 / 3, v.reasons().get(0).effect(), 1e-9);
  }

  @Test
  void no_hints_now_is_routing_off() {
    Verification v = verify(allStayPredicted(), window(even(1000), 2000, 0, EVERYWHERE), false);
    assertEquals(Verdict.NOT_ON, v.verdict());
    assertEquals(List.of(Shortfall.ROUTING_OFF), causes(v));
    assertEquals(2.0 / 3, v.reasons().get(0).effect(), 1e-9);
  }

  @Test
  void hints_present_but_bytes_crossing_where_the_rule_keeps_them_is_not_applied() {
    Verification v = verify(allStayPredicted(), window(even(1000), 1000, 0, EVERYWHERE), true);
    assertEquals(Verdict.PARTLY, v.verdict());
    assertEquals(List.of(Shortfall.NOT_APPLIED), causes(v));
  }

  @Test
  void routing_already_on_before_leaves_nothing_to_verify() {
    Advice on = advice(even(1000), 0, 0, Map.of(Gating.ALREADY_ON, 1.0));
    Verification v =
        verify(new Verifier.Window(on, EVERYWHERE), window(even(1000), 0, 0, EVERYWHERE), true);
    assertEquals(Verdict.WAS_ON, v.verdict());
    assertTrue(Double.isNaN(v.delivered()));
  }

  @Test
  void no_predicted_saving_no_traffic_and_a_service_new_now() {
    Verifier.Window flat = window(even(1000), 0, 0, EVERYWHERE);
    assertEquals(Verdict.NOTHING_PREDICTED, verify(flat, flat, true).verdict());
    Verifier.Window before = allStayPredicted();
    assertEquals(Verdict.NO_TRAFFIC, verify(before, null, true).verdict());
    assertEquals(Verdict.NOTHING_PREDICTED, verify(null, flat, true).verdict());
    // A 1-byte saving in 3 MB, scaled to 3 bytes now, is none.
    Verifier.Window tiny = window(even(1_000_000), 2_000_000, 1_999_999, EVERYWHERE);
    Verification v = verify(tiny, window(Map.of("a", 3L), 3, 3, EVERYWHERE), true);
    assertEquals(Verdict.NOTHING_PREDICTED, v.verdict());
    assertEquals(List.of(), v.reasons());
  }

  @Test
  void causes_under_half_a_percent_of_the_bytes_are_not_reported() {
    Map<String, Double> ab = Map.of("a", 1.0, "b", 1.0);
    Verifier.Window before = window(even(1000), 2000, 1000, ab);
    // Zone c's clients 0.3 points more of the bytes: noise, not a reason.
    Verifier.Window after = window(Map.of("a", 995L, "b", 995L, "c", 1010L), 1010, 1010, ab);
    assertEquals(List.of(), Verifier.reasons(before, after, true));
  }

  /** Invariant: the causes add up to the measured share less the one the old spread implies. */
  @Test
  void the_causes_add_up_to_the_gap_they_explain() {
    Random r = new Random(27);
    for (int i = 0; i < 500; i++) {
      Map<String, Long> cb = new TreeMap<>();
      Map<String, Long> ca = new TreeMap<>();
      Map<String, Double> covB = new TreeMap<>();
      Map<String, Double> covA = new TreeMap<>();
      for (String z : List.of("a", "b", "c", "d")) {
        cb.put(z, (long) r.nextInt(1000));
        ca.put(z, (long) r.nextInt(1000));
        covB.put(z, r.nextInt(3) == 0 ? 0 : r.nextDouble());
        covA.put(z, r.nextInt(3) == 0 ? 0 : r.nextDouble());
      }
      long clientsA = ca.values().stream().mapToLong(Long::longValue).sum() + 1;
      ca.merge("a", 1L, Long::sum);
      long cross = r.nextInt((int) clientsA);
      long expected = r.nextInt((int) cross + 1);
      Map<Gating, Double> g = Map.of(Gating.ENDPOINTS_WITHOUT_ZONE, r.nextDouble() + 0.01);
      Verifier.Window before = new Verifier.Window(advice(cb, 0, 0, Map.of()), covB);
      Verifier.Window after = new Verifier.Window(advice(ca, cross, expected, g), covA);
      double sum =
          Verifier.causes(before, after, r.nextBoolean()).stream()
              .mapToDouble(Verification.Reason::effect)
              .sum();
      double oldSpread = 0;
      long clientsB = cb.values().stream().mapToLong(Long::longValue).sum();
      for (String z : cb.keySet()) {
        oldSpread += clientsB == 0 ? 0 : cb.get(z) / (double) clientsB * (1 - covB.get(z));
      }
      assertEquals(cross / (double) clientsA - oldSpread, sum, 1e-9, "case " + i);
    }
  }
}
