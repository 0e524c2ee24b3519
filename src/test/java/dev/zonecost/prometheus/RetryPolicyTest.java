package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2025-11-02T00:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(millis -> {}, Clock.fixed(NOW, ZoneOffset.UTC));

  @RepeatedTest(20)
  void should_back_off_exponentially_with_jitter_up_to_the_cap() {
    assertBetween(100, 200, policy.delayMillis(0, null));
    assertBetween(200, 400, policy.delayMillis(1, null));
    assertBetween(400, 800, policy.delayMillis(2, null));
    assertBetween(5_000, 10_000, policy.delayMillis(10, null));
    assertBetween(5_000, 10_000, policy.delayMillis(500, null));
  }

  @Test
  void should_read_retry_after_in_seconds_or_as_a_date() {
    assertEquals(7_000, policy.retryAfterMillis("7"));
    assertEquals(30_000, policy.retryAfterMillis("Sun, 2 Nov 2025 00:00:30 GMT"));
    assertEquals(0, policy.retryAfterMillis("Sat, 1 Nov 2025 23:00:00 GMT"));
    assertEquals(-1, policy.retryAfterMillis("soon"));
    assertEquals(-1, policy.retryAfterMillis(null));
  }

  @Test
  void should_cap_retry_after_at_a_minute() {
    assertEquals(60_000, policy.delayMillis(0, "3600"));
  }

  @Test
  void should_retry_resets_and_refusals_but_not_dns_tls_or_timeouts() {
    assertTrue(RetryPolicy.isTransient(new ConnectException("refused")));
    assertTrue(RetryPolicy.isTransient(new SocketException("Connection reset")));
    assertTrue(RetryPolicy.isTransient(new IOException("unexpected end of stream")));
    assertFalse(RetryPolicy.isTransient(new UnknownHostException("x")));
    assertFalse(RetryPolicy.isTransient(new SSLHandshakeException("x")));
    assertFalse(RetryPolicy.isTransient(new SocketTimeoutException("x")));
  }

  private static void assertBetween(long low, long high, long actual) {
    assertTrue(low <= actual && actual <= high, actual + " not in [" + low + ", " + high + "]");
  }
}
