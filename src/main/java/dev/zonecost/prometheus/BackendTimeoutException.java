package dev.zonecost.prometheus;

/** The back end did not answer within the configured timeout. */
public class BackendTimeoutException extends BackendException {
  public BackendTimeoutException(String message) {
    super(message);
  }

  public BackendTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
