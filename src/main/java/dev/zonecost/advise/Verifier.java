package dev.zonecost.advise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds one Service's prediction from the earlier window against the current window, and says why
 * it fell short.
 *
 * <p><b>Normalised by share.</b> The two windows differ in length and traffic, so the prediction is
 * the share of the Service's client bytes left crossing ({@code remaining / client bytes} of the
 * earlier window), applied to the current window's client bytes; so is the baseline (the share that
 * crossed before, routing off). Delivered = measured saving / predicted saving, both against that
 * baseline.
 *
 * <p><b>Why not.</b> The gap between the measured and the predicted share is split into causes,
 * each as a share of the current window's client bytes ({@code w_z}: the share of client bytes from
 * zone z, {@code c_z}: the share of the window with a ready endpoint in z; B before, A now):
 *
 * <ul>
 *   <li>hints missing or not applied: measured − expected, the expected being the advise model on
 *       the current window (its own endpoints and clients, step by step);
 *   <li>endpoints without zone: expected − {@code Σ w_A(z)(1 − c_A(z))} (bytes kube-proxy let cross
 *       while the routing was suspended);
 *   <li>endpoints moved: {@code Σ w_A(z)(c_B(z) − c_A(z))};
 *   <li>clients moved: {@code Σ (w_A(z) − w_B(z))(1 − c_B(z))}.
 * </ul>
 *
 * The last three add up to the change of {@code Σ w(z)(1 − c(z))} between the windows: causes that
 * explain at least {@link #MIN_EFFECT} are reported.
 */
public final class Verifier {
  /** The share of the predicted saving that counts as delivered. */
  public static final double DELIVERED = 0.9;

  /** The least share of the current window's client bytes a reported cause must explain. */
  public static final double MIN_EFFECT = 0.005;

  private Verifier() {}

  /** One window of one Service: its advice and where its endpoints were. */
  public record Window(Advice advice, Map<String, Double> coverage) {
    long clientBytes() {
      return advice.clientBytes().values().stream().mapToLong(Long::longValue).sum()
          + advice.unknownZoneClientBytes();
    }

    double share(String zone) {
      long all = clientBytes();
      return all > 0 ? advice.clientBytes().getOrDefault(zone, 0L) / (double) all : 0;
    }

    double coverage(String zone) {
      return Math.min(1, Math.max(0, coverage.getOrDefault(zone, 0.0)));
    }
  }

  /**
   * @param before the earlier window (routing off), null when the Service was not seen there
   * @param after the current window advised with its hints set aside, null when not seen now
   * @param hinted whether its endpoints carried zone hints in the current window
   */
  public static Verification verify(
      String namespace, String name, Window before, Window after, boolean hinted) {
    long clientsB = before == null ? 0 : before.clientBytes();
    long clientsA = after == null ? 0 : after.clientBytes();
    double shareB = clientsB > 0 ? before.advice().crossBytes() / (double) clientsB : 0;
    double predicted =
        clientsB > 0 ? before.advice().remainingCrossBytes() / (double) clientsB : shareB;
    long cross = after == null ? 0 : after.advice().crossBytes();
    long expected = after == null ? 0 : after.advice().remainingCrossBytes();
    long baseline = Math.round(shareB * clientsA);
    long predictedBytes = Math.round(predicted * clientsA);
    double delivered =
        baseline > predictedBytes
            ? (baseline - cross) / (double) (baseline - predictedBytes)
            : Double.NaN;
    Verification.Verdict verdict;
    if (before != null && before.advice().gating().contains(Gating.ALREADY_ON)) {
      verdict = Verification.Verdict.WAS_ON;
    } else if (clientsB == 0 || before.advice().savingBytes() <= 0) {
      verdict = Verification.Verdict.NOTHING_PREDICTED;
    } else if (clientsA == 0) {
      verdict = Verification.Verdict.NO_TRAFFIC;
    } else if (Double.isNaN(delivered)) {
      // A saving too small to survive scaling to the current window's bytes.
      verdict = Verification.Verdict.NOTHING_PREDICTED;
    } else if (!hinted) {
      verdict = Verification.Verdict.NOT_ON;
    } else if (delivered >= DELIVERED) {
      verdict = Verification.Verdict.DELIVERED;
    } else if (cross < baseline) {
      verdict = Verification.Verdict.PARTLY;
    } else {
      verdict = Verification.Verdict.NOT_DELIVERED;
    }
    List<Verification.Reason> reasons =
        verdict.shortfall() ? reasons(before, after, hinted) : List.of();
    return new Verification(
        namespace,
        name,
        clientsB,
        before == null ? 0 : before.advice().crossBytes(),
        before == null ? 0 : before.advice().remainingCrossBytes(),
        shareB,
        predicted,
        clientsA,
        baseline,
        predictedBytes,
        cross,
        expected,
        delivered,
        verdict,
        reasons);
  }

  /** The causes that explain at least {@link #MIN_EFFECT}, largest first. */
  static List<Verification.Reason> reasons(Window before, Window after, boolean hinted) {
    return causes(before, after, hinted).stream()
        .filter(r -> r.effect() >= MIN_EFFECT)
        .sorted(Comparator.comparingDouble(Verification.Reason::effect).reversed())
        .toList();
  }

  /**
   * Every cause with its effect, unfiltered: with the routing suspended for part of the window they
   * add up to the measured share less {@code Σ w_B(z)(1 − c_B(z))}.
   */
  static List<Verification.Reason> causes(Window before, Window after, boolean hinted) {
    long clientsA = after.clientBytes();
    double measured = after.advice().crossBytes() / (double) clientsA;
    double expected = after.advice().remainingCrossBytes() / (double) clientsA;
    TreeSet<String> zones = new TreeSet<>(before.advice().clientBytes().keySet());
    zones.addAll(after.advice().clientBytes().keySet());
    zones.addAll(before.coverage().keySet());
    zones.addAll(after.coverage().keySet());
    double uncoveredA = 0;
    double moved = 0;
    double roamed = 0;
    Map<String, String> movedZones = new TreeMap<>();
    Map<String, String> roamedZones = new TreeMap<>();
    for (String z : zones) {
      double wB = before.share(z);
      double wA = after.share(z);
      double cB = before.coverage(z);
      double cA = after.coverage(z);
      uncoveredA += wA * (1 - cA);
      moved += wA * (cB - cA);
      roamed += (wA - wB) * (1 - cB);
      if (wA > 0 && cB - cA > 0) {
        movedZones.put(
            z,
            String.format(
                Locale.ROOT,
                "%s had a ready endpoint %.0f%% → %.0f%% of the time",
                z,
                cB * 100,
                cA * 100));
      }
      if (wA - wB > 0 && cB < 1) {
        roamedZones.put(
            z,
            String.format(
                Locale.ROOT,
                "%s's clients %.0f%% → %.0f%% of the bytes (a ready endpoint there %.0f%% of the"
                    + " time before)",
                z,
                wB * 100,
                wA * 100,
                cB * 100));
      }
    }
    List<Verification.Reason> out = new ArrayList<>();
    out.add(
        new Verification.Reason(
            hinted ? Shortfall.NOT_APPLIED : Shortfall.ROUTING_OFF,
            measured - expected,
            1,
            String.format(
                Locale.ROOT,
                "%.1f%% of the bytes crossed where kube-proxy's rule leaves %.1f%%",
                measured * 100,
                expected * 100)));
    double suspended = after.advice().shares().shareOf(Gating.ENDPOINTS_WITHOUT_ZONE);
    if (suspended > 0) {
      out.add(
          new Verification.Reason(
              Shortfall.ENDPOINTS_WITHOUT_ZONE,
              expected - uncoveredA,
              suspended,
              String.format(
                  Locale.ROOT,
                  "a ready endpoint without a zone for %.0f%% of the window",
                  suspended * 100)));
    }
    out.add(
        new Verification.Reason(
            Shortfall.ENDPOINTS_MOVED, moved, 1, String.join("; ", movedZones.values())));
    out.add(
        new Verification.Reason(
            Shortfall.CLIENTS_MOVED, roamed, 1, String.join("; ", roamedZones.values())));
    return out;
  }
}
