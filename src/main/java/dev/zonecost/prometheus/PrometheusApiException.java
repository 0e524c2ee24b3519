package dev.zonecost.prometheus;

/**
 * Prometheus answered with {@code "status": "error"}: it understood the request and refused it.
 * Carries the server's own words and the query, which callers print only when asked (verbose).
 */
public class PrometheusApiException extends BackendException {
  private final int httpStatus;
  private final String errorType;
  private final String error;
  private final String query;

  /**
   * @param server the back end as shown to users (no query string, no credentials)
   */
  public PrometheusApiException(
      String server, int httpStatus, String errorType, String error, String query) {
    super(message(server, httpStatus, errorType, error));
    this.httpStatus = httpStatus;
    this.errorType = errorType;
    this.error = error;
    this.query = query;
  }

  private static String message(String server, int httpStatus, String errorType, String error) {
    String kind = errorType == null ? "" : ", " + errorType;
    String text = error == null || error.isBlank() ? "no error message" : Failures.oneLine(error);
    return "Prometheus at "
        + server
        + " rejected the query (HTTP "
        + httpStatus
        + kind
        + "): "
        + text
        + hint(errorType);
  }

  private static String hint(String errorType) {
    if (errorType == null) {
      return "";
    }
    return switch (errorType) {
      case "bad_data" -> " — check the query and the time range";
      case "execution" -> " — narrow the time range or selection, or raise the server's limits";
      case "timeout" -> " — narrow the time range or raise the server's query timeout";
      case "unavailable" -> " — the server is overloaded or starting; try again later";
      default -> "";
    };
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Prometheus' class of error, e.g. {@code bad_data}, {@code execution}; may be null. */
  public String errorType() {
    return errorType;
  }

  /** The server's message as sent. */
  public String error() {
    return error;
  }

  /** The PromQL that was refused, for {@code --verbose} output. */
  public String query() {
    return query;
  }
}
