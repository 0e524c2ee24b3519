package dev.zonecost.promql;

/**
 * A function over one selector's range, and the aggregations of it the query builders share: each
 * builder states its labels, selector and range, and the brackets are written in one place.
 */
public final class RangeFunctions {
  private RangeFunctions() {}

  /** {@code function(selector[range])}, {@code range} a PromQL duration without brackets. */
  public static String over(String function, String selector, String range) {
    return function + "(" + selector + "[" + range + "])";
  }

  /** {@code last_over_time(selector[range])}: each series present in the range, once. */
  public static String last(String selector, String range) {
    return over("last_over_time", selector, range);
  }

  /** How many series {@code selector} has in the range. */
  public static String countSeries(String selector, String range) {
    return "count(" + last(selector, range) + ")";
  }

  /** How many series {@code selector} has in the range, per value of {@code labels}. */
  public static String countSeriesBy(String labels, String selector, String range) {
    return "count by (" + labels + ") (" + last(selector, range) + ")";
  }

  /** The largest value in the range per value of {@code labels}: replicas folded together. */
  public static String maxBy(String labels, String selector, String range) {
    return "max by (" + labels + ") (" + over("max_over_time", selector, range) + ")";
  }
}
