package dev.zonecost.prometheus;

import java.util.List;

/**
 * The parts of a response besides its series. {@code resultType} is only set on success; {@code
 * serverSeconds} is the server's own time for the query ({@code data.stats.timings.execTotalTime},
 * sent on {@code stats=all}), NaN when it sent none.
 */
record Envelope(
    String status,
    String resultType,
    List<String> warnings,
    List<String> infos,
    String errorType,
    String error,
    double serverSeconds) {

  boolean isError() {
    return "error".equals(status);
  }

  ResultInfo info() {
    return new ResultInfo(resultType, warnings, infos);
  }
}
