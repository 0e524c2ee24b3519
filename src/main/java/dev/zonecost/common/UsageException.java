package dev.zonecost.common;

/** The user asked for something that cannot be done as asked (exit 2). */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
