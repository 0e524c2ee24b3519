package dev.zonecost.prometheus;

import java.util.List;

/** The parts of a response besides its series. {@code resultType} is only set on success. */
record Envelope(
    String status,
    String resultType,
    List<String> warnings,
    List<String> infos,
    String errorType,
    String error) {

  boolean isError() {
    return "error".equals(status);
  }

  ResultInfo info() {
    return new ResultInfo(resultType, warnings, infos);
  }
}
