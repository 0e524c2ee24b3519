package dev.zonecost.prometheus;

/** The back end could not be reached at all: connection refused, unknown host, TLS failure. */
public class BackendUnreachableException extends BackendException {
  public BackendUnreachableException(String message) {
    super(message);
  }

  public BackendUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
