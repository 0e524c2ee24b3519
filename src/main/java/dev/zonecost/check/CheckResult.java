package dev.zonecost.check;

import java.util.List;

/**
 * One evaluated check.
 *
 * @param name what was checked, e.g. "cross-zone ratio"
 * @param scope "overall" or a workload pair's label
 * @param message one sentence with the measured value and the limit
 * @param contributors up to three biggest contributors, most first (filled for failures)
 */
public record CheckResult(
    String name,
    String scope,
    boolean passed,
    String measured,
    String limit,
    String message,
    List<String> contributors) {

  public static final String OVERALL = "overall";
}
