package dev.zonecost.prometheus;

/** The back end answered, but not with the Prometheus API JSON zonecost understands. */
public class MalformedResponseException extends BackendException {
  public MalformedResponseException(String message) {
    super(message);
  }

  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
