package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {
  @ParameterizedTest
  @CsvSource({
    "PT0.3S, 300ms",
    "PT1.5S, 1.5s",
    "PT45S, 45s",
    "PT2M, 2m0s",
    "PT1M30S, 1m30s",
    "PT1H, 1h0m0s"
  })
  void should_format_durations_like_the_timeout_flag(Duration duration, String text) {
    assertEquals(text, Failures.readable(duration));
  }

  @Test
  void should_show_urls_without_credentials_or_query() {
    HttpUrl url = HttpUrl.get("https://user:hunter2@prom.example:8443/prometheus/api?token=x");

    assertEquals("https://prom.example:8443/prometheus/api", Failures.display(url));
  }

  @Test
  void should_bracket_ipv6_hosts() {
    assertEquals("http://[::1]:9090/", Failures.display(HttpUrl.get("http://[::1]:9090/")));
  }

  @Test
  void should_keep_messages_on_one_line() {
    assertEquals("a b c", Failures.oneLine(" a\n  b\r\nc \n"));
  }
}
