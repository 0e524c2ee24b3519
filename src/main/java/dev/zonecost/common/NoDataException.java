package dev.zonecost.common;

/** The back end answered, but with nothing to report on (exit 5). */
public class NoDataException extends RuntimeException {
  public NoDataException(String message) {
    super(message);
  }
}
