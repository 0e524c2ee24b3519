package dev.zonecost.prometheus;

/** The back end failed: unreachable, timed out, refused the query or answered nonsense (exit 4). */
public class BackendException extends RuntimeException {
  public BackendException(String message) {
    super(message);
  }

  public BackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
