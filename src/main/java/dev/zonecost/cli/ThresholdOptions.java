package dev.zonecost.cli;

import dev.zonecost.check.Baseline;
import dev.zonecost.check.BaselineComparison;
import dev.zonecost.check.CostBasis;
import dev.zonecost.check.Gate;
import dev.zonecost.check.Quantities;
import dev.zonecost.check.Thresholds;
import dev.zonecost.common.UsageException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The limits of {@code check} and its baseline; {@link #gate} checks them all before any query. */
public final class ThresholdOptions {
  @Option(
      names = "--max-cross-zone-bytes",
      paramLabel = "SIZE",
      description = "Most cross-zone bytes allowed: 5000000000, 5GB (10^9) or 5GiB (2^30).")
  String maxCrossBytes;

  @Option(
      names = "--max-cross-zone-ratio",
      paramLabel = "R",
      description = "Largest cross-zone share of all bytes allowed, 0..1 (or 25%%).")
  String maxCrossRatio;

  @Option(
      names = "--max-cross-zone-cost",
      paramLabel = "AMOUNT",
      description = "Largest cross-zone cost allowed, in the price book's currency.")
  String maxCrossCost;

  @Option(
      names = "--max-avoidable-cost",
      paramLabel = "AMOUNT",
      description =
          "Largest cross-zone cost that spec.trafficDistribution: PreferSameZone would remove"
              + " (the savings of `zonecost advise`), in the price book's currency: flags a"
              + " Service that should turn it on.")
  String maxAvoidableCost;

  @Option(
      names = "--cost-basis",
      paramLabel = "BASIS",
      defaultValue = "window",
      completionCandidates = Candidates.CostBasisValues.class,
      description =
          "What --max-cross-zone-cost limits: window (the window's cost, default) or month (its"
              + " linear 30-day projection).")
  CostBasis costBasis;

  @Option(
      names = "--max-unknown-ratio",
      paramLabel = "R",
      description = "Largest unknown-zone share of all bytes allowed, 0..1.")
  String maxUnknownRatio;

  @Option(
      names = "--per-pair",
      description = "Apply the bytes, ratio and cost limits to each workload pair too.")
  boolean perPair;

  @Option(
      names = "--min-coverage",
      paramLabel = "R",
      description =
          "Least attributable share (1 - unknown-zone share) to judge at all; below it exit 5.")
  String minCoverage;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "A saved `zonecost report -o json` of a window of the same length to compare.")
  Path baseline;

  @Option(
      names = "--max-increase",
      paramLabel = "LIMIT",
      description =
          "Growth allowed over --baseline: 10%% (cross-zone bytes, ratio and cost) or a size"
              + " such as 5GB (cross-zone bytes). Default with --baseline: 0%%.")
  String maxIncrease;

  @Option(
      names = "--allow-empty",
      description =
          "Run even with no threshold, --baseline or --min-coverage (a gate that checks nothing"
              + " is otherwise a usage error).")
  boolean allowEmpty;

  @Option(
      names = "--allow-clipped-window",
      description =
          "Judge a window that starts before the data (clipped to the oldest sample) instead of"
              + " failing with exit 5.")
  boolean allowClippedWindow;

  Gate gate() {
    Thresholds thresholds =
        new Thresholds(
            maxCrossBytes == null
                ? null
                : Quantities.bytes("--max-cross-zone-bytes", maxCrossBytes),
            ratio("--max-cross-zone-ratio", maxCrossRatio),
            maxCrossCost == null ? null : Quantities.amount("--max-cross-zone-cost", maxCrossCost),
            costBasis,
            ratio("--max-unknown-ratio", maxUnknownRatio),
            perPair);
    Double coverage = ratio("--min-coverage", minCoverage);
    if (maxIncrease != null && baseline == null) {
      throw new UsageException("--max-increase needs --baseline");
    }
    if (!allowEmpty
        && Stream.of(maxCrossBytes, maxCrossRatio, maxCrossCost, maxUnknownRatio, minCoverage)
            .allMatch(Objects::isNull)
        && maxAvoidableCost == null
        && baseline == null) {
      throw new UsageException(Gate.NOTHING_TO_CHECK);
    }
    if (baseline == null) {
      return new Gate(thresholds, coverage, null, allowClippedWindow);
    }
    Baseline saved = Baseline.read(baseline);
    BaselineComparison comparison =
        new BaselineComparison(
            saved,
            Quantities.increase("--max-increase", maxIncrease == null ? "0%" : maxIncrease),
            costBasis);
    return new Gate(thresholds, coverage, new Gate.Against(saved, comparison), allowClippedWindow);
  }

  /** The avoidable-cost limit, checked; null when not asked for. */
  java.math.BigDecimal maxAvoidableCost() {
    return maxAvoidableCost == null
        ? null
        : Quantities.amount("--max-avoidable-cost", maxAvoidableCost);
  }

  CostBasis costBasis() {
    return costBasis;
  }

  private static Double ratio(String option, String value) {
    return value == null ? null : Quantities.ratio(option, value);
  }
}
