package dev.zonecost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zonecost.common.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketEdgesTest {
  private static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void cuts_at_multiples_of_the_bucket_since_the_epoch() {
    List<Instant[]> b =
        BucketEdges.cut(t("2026-11-01T10:30:00Z"), t("2026-11-03T06:00:00Z"), Duration.ofDays(1));
    assertEquals(3, b.size());
    assertEquals(t("2026-11-01T10:30:00Z"), b.get(0)[0]);
    assertEquals(t("2026-11-02T00:00:00Z"), b.get(0)[1]);
    assertEquals(t("2026-11-02T00:00:00Z"), b.get(1)[0]);
    assertEquals(t("2026-11-03T00:00:00Z"), b.get(2)[0]);
    assertEquals(t("2026-11-03T06:00:00Z"), b.get(2)[1]);
  }

  @Test
  void a_window_on_the_edges_has_whole_buckets_only() {
    List<Instant[]> b =
        BucketEdges.cut(t("2026-11-01T00:00:00Z"), t("2026-11-01T03:00:00Z"), Duration.ofHours(1));
    assertEquals(3, b.size());
    assertEquals(t("2026-11-01T02:00:00Z"), b.get(2)[0]);
    assertEquals(t("2026-11-01T03:00:00Z"), b.get(2)[1]);
  }

  @Test
  void a_window_shorter_than_a_bucket_is_one_bucket() {
    List<Instant[]> b =
        BucketEdges.cut(t("2026-11-01T00:10:00Z"), t("2026-11-01T00:50:00Z"), Duration.ofHours(1));
    assertEquals(1, b.size());
  }

  @Test
  void refuses_tiny_buckets_and_too_many() {
    assertThrows(
        UsageException.class,
        () ->
            BucketEdges.cut(
                t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"), Duration.ofMinutes(1)));
    assertThrows(
        UsageException.class,
        () ->
            BucketEdges.cut(
                t("2026-01-01T00:00:00Z"), t("2026-12-01T00:00:00Z"), Duration.ofMinutes(5)));
  }
}
