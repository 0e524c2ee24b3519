package dev.zonecost.monitoring;

/**
 * PromQL pieces shared by the recording rules and the dashboard, built on {@code zonecost query
 * --grafana}'s expression ({@link PairExpression}: the same plan as {@code report}, with its
 * caveats).
 */
public final class Expressions {
  public static final String PAIR_BYTES = "zonecost:retina_pair_zone_bytes:increase";
  public static final String ZONE_BYTES = "zonecost:retina_zone_pair_bytes:increase";
  public static final String CROSS_BYTES = "zonecost:retina_cross_zone_bytes:increase";
  public static final String CROSS_COST = "zonecost:retina_cross_zone_cost:increase";

  /** The hourly roll-up of the per-pair series ({@link #rollup}), for long windows. */
  public static final String ROLLUP_SUFFIX = "_sum1h";

  private Expressions() {}

  /**
   * The per-pair series of rules evaluated every {@code interval} summed over the hour before each
   * hourly evaluation: what {@code report --use-recording-rules} reads for a long window's whole
   * hours (one sample an hour instead of one an interval).
   */
  public static String rollup(String pairSeries) {
    return "sum_over_time(" + pairSeries + "[1h])";
  }

  /**
   * The series of {@code expr} (labelled by zones) whose two zones are known and differ: those with
   * both zone labels set ({@code vector(1)} stands for an empty one) whose destination zone is not
   * their own source zone.
   */
  public static String crossOnly(String expr) {
    return "(("
        + expr
        + ") unless on (source_zone) vector(1) unless on (destination_zone) vector(1))"
        + " unless on (source_zone, destination_zone) label_replace(group by (source_zone) ("
        + expr
        + "), \"destination_zone\", \"$1\", \"source_zone\", \"(.*)\")";
  }

  /** Sums of {@code expr} by zone pair. */
  public static String byZones(String expr) {
    return "sum by (source_zone, destination_zone) (" + expr + ")";
  }

  /** A number as PromQL takes it: plain, no exponent. */
  public static String number(java.math.BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
