package dev.zonecost.prometheus;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLException;

/**
 * When to try again and how long to wait: exponential backoff with jitter, or the server's {@code
 * Retry-After} when it sends one.
 */
final class RetryPolicy {
  static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
  static final long BASE_MILLIS = 200;
  static final long CAP_MILLIS = 10_000;
  static final long RETRY_AFTER_CAP_MILLIS = 60_000;

  /** Waits this long or longer are announced on stderr. */
  static final long SAY_WAITING_MILLIS = 2_000;

  private final LongConsumer sleeper;
  private final Clock clock;

  RetryPolicy(LongConsumer sleeper, Clock clock) {
    this.sleeper = sleeper;
    this.clock = clock;
  }

  static RetryPolicy sleeping() {
    return new RetryPolicy(RetryPolicy::sleepFor, Clock.systemUTC());
  }

  /**
   * Resets and refused connections are worth another try; a wrong host name, a bad certificate or a
   * timeout (which would only multiply the wait) are not.
   */
  static boolean isTransient(IOException e) {
    return !(e instanceof UnknownHostException
        || e instanceof SSLException
        || e instanceof InterruptedIOException
        || e instanceof ProtocolException);
  }

  /** Waits before attempt {@code attempt + 1}; attempt 0 is the first request. */
  void pause(int attempt, String retryAfter) {
    sleep(delayMillis(attempt, retryAfter));
  }

  void sleep(long millis) {
    sleeper.accept(millis);
  }

  long delayMillis(int attempt, String retryAfter) {
    long asked = retryAfterMillis(retryAfter);
    if (asked >= 0) {
      return Math.min(asked, RETRY_AFTER_CAP_MILLIS);
    }
    // "Equal jitter": at least half the exponential step, so clients spread out but still back off.
    long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 16));
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }

  /** Retry-After in seconds or as an HTTP date; -1 when absent or unreadable. */
  long retryAfterMillis(String retryAfter) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return -1;
    }
    String value = retryAfter.strip();
    try {
      return Math.max(0, Math.multiplyExact(Long.parseLong(value), 1000L));
    } catch (NumberFormatException | ArithmeticException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
      } catch (DateTimeParseException notADate) {
        return -1;
      }
    }
  }

  private static void sleepFor(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while waiting to retry the Prometheus request", e);
    }
  }
}
