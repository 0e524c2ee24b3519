package dev.zonecost.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The observations per byte actually in effect (DESIGN §3, "Is the observation count right on this
 * cluster? Measure it."): per pod, the bytes the accounting attributes to it as a sender, times the
 * observations per byte the level divides by, over the bytes the kernel counted leaving it
 * (cAdvisor). The median over pods; a level that matches the cluster gives about its own divisor.
 *
 * @param observationsPerByte the median over pods
 * @param pods how many pods were measured
 * @param divisor what the level divides by across nodes (2 at low, 1 at high)
 */
public record Calibration(double observationsPerByte, int pods, int divisor) {
  /** Off by more than this share of the divisor, a report says so. */
  public static final double TOLERANCE = 0.10;

  /** Null when no pod has both counts. */
  public static Calibration of(
      Map<String, Double> sentByPod, Map<String, Double> kernelByPod, DataAggregationLevel level) {
    int divisor = ObservationsPerByte.acrossNodes(level);
    List<Double> ratios = new ArrayList<>();
    sentByPod.forEach(
        (pod, sent) -> {
          Double k = kernelByPod.get(pod);
          if (k != null && k > 0 && sent > 0) {
            ratios.add(sent * divisor / k);
          }
        });
    if (ratios.isEmpty()) {
      return null;
    }
    ratios.sort(null);
    int n = ratios.size();
    double median =
        n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    return new Calibration(median, n, divisor);
  }

  /** Whether the measured count is further than {@link #TOLERANCE} from the level's. */
  public boolean disagrees() {
    return Math.abs(observationsPerByte - divisor) / divisor > TOLERANCE;
  }
}
