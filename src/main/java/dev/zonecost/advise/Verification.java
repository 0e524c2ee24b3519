package dev.zonecost.advise;

import java.util.List;
import java.util.Locale;

/**
 * One Service's prediction from the earlier window held against what the current window measured.
 * Shares are of the Service's client bytes in their window; bytes "after" are the current window's,
 * the predicted ones scaled to its client bytes (see {@link Verifier}).
 *
 * @param beforeClientBytes the Service's client bytes in the earlier window
 * @param beforeCrossBytes the cross-zone part of them, measured (routing off)
 * @param beforeRemainingBytes what PreferSameZone was predicted to leave crossing of them
 * @param beforeShare {@code beforeCrossBytes / beforeClientBytes}
 * @param predictedShare {@code beforeRemainingBytes / beforeClientBytes}
 * @param clientBytes the Service's client bytes in the current window
 * @param baselineBytes {@code beforeShare × clientBytes}: what would have crossed without routing
 * @param predictedBytes {@code predictedShare × clientBytes}: what was predicted to cross now
 * @param crossBytes what crossed now, measured
 * @param expectedBytes what kube-proxy's rule leaves crossing given the current window's own
 *     endpoints and clients (the advise model on it, with the hints set aside)
 * @param delivered the measured saving over the predicted one ({@code (baseline − cross) /
 *     (baseline − predicted)}), NaN without a predicted saving
 * @param reasons why not delivered, largest first
 */
public record Verification(
    String namespace,
    String name,
    long beforeClientBytes,
    long beforeCrossBytes,
    long beforeRemainingBytes,
    double beforeShare,
    double predictedShare,
    long clientBytes,
    long baselineBytes,
    long predictedBytes,
    long crossBytes,
    long expectedBytes,
    double delivered,
    Verdict verdict,
    List<Reason> reasons) {

  public Verification {
    reasons = List.copyOf(reasons);
  }

  /** What became of the prediction. */
  public enum Verdict {
    /** At least {@link Verifier#DELIVERED} of the predicted saving was measured. */
    DELIVERED,
    /** Some of it. */
    PARTLY,
    /** None of it: as much crossed as without routing, or more. */
    NOT_DELIVERED,
    /** A saving was predicted, but the Service's endpoints carry no zone hints now. */
    NOT_ON,
    /** The earlier window predicted no saving (gated, or nothing crossing). */
    NOTHING_PREDICTED,
    /** The routing was already on in the earlier window: nothing was predicted. */
    WAS_ON,
    /** The Service had no client bytes in the current window. */
    NO_TRAFFIC;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a predicted saving fell short. */
    public boolean shortfall() {
      return this == PARTLY || this == NOT_DELIVERED || this == NOT_ON;
    }
  }

  /**
   * One cause of a shortfall.
   *
   * @param effect the share of the current window's client bytes it explains
   * @param windowShare the share of the current window in which it held (1 when not timed)
   * @param detail the zones and figures behind it
   */
  public record Reason(Shortfall cause, double effect, double windowShare, String detail) {}

  public String label() {
    return namespace + "/" + name;
  }

  public double measuredShare() {
    return clientBytes > 0 ? crossBytes / (double) clientBytes : 0;
  }

  public long predictedSavingBytes() {
    return baselineBytes - predictedBytes;
  }

  public long savingBytes() {
    return baselineBytes - crossBytes;
  }
}
