package dev.zonecost.monitoring;

/**
 * The per-pair expression the rules and the dashboard are built on ({@code query --grafana}'s,
 * bytes by workload and zone pair), as the query builder makes it for a range or a step: nothing
 * here edits its text.
 */
public interface PairExpression {
  /** The bytes over {@code range} (a PromQL duration or a Grafana variable), by increase(). */
  String over(String range);

  /** The bytes of each consecutive {@code step}, tiling time without extrapolation. */
  String tiled(String step);

  /** The expression of two functions: over a range, and tiled in steps. */
  static PairExpression of(
      java.util.function.UnaryOperator<String> over,
      java.util.function.UnaryOperator<String> tiled) {
    return new PairExpression() {
      @Override
      public String over(String range) {
        return over.apply(range);
      }

      @Override
      public String tiled(String step) {
        return tiled.apply(step);
      }
    };
  }
}
