package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Label values decoded from different answers share one copy (the scale-4 report's memory). */
class LabelValuesTest {
  @Test
  void equal_label_values_are_one_object() {
    String a = new String("retina-ip-10-0-1-16.ec2.internal".toCharArray());
    String b = new String("retina-ip-10-0-1-16.ec2.internal".toCharArray());
    assertEquals(a, b);
    assertSame(LabelValues.canonical(a), LabelValues.canonical(b));
  }

  @Test
  void a_value_read_from_characters_is_the_shared_copy_on_every_thread() throws Exception {
    char[] buffer = "xx10.0.1.16yy".toCharArray();
    String here = LabelValues.canonical(buffer, 2, 9);
    assertEquals("10.0.1.16", here);
    assertSame(here, LabelValues.canonical(new String("10.0.1.16")));
    String onAnotherThread =
        CompletableFuture.supplyAsync(
                () -> LabelValues.canonical("..10.0.1.16".toCharArray(), 2, 9))
            .get();
    assertSame(here, onAnotherThread);
    assertEquals("", LabelValues.canonical(new char[0], 0, 0));
  }

  @Test
  void many_values_with_colliding_hashes_each_come_back_as_themselves() {
    // "Aa" and "BB" share String's hash, so any mix of them collides
    Random r = new Random(30);
    Map<String, String> first = new HashMap<>();
    for (int i = 0; i < 60_000; i++) {
      StringBuilder v = new StringBuilder("v");
      int parts = 1 + r.nextInt(12);
      for (int j = 0; j < parts; j++) {
        v.append(r.nextBoolean() ? "Aa" : "BB");
      }
      v.append(i % 7_000);
      String value = v.toString();
      char[] padded = ("#" + value + "#").toCharArray();
      String got = LabelValues.canonical(padded, 1, value.length());
      assertEquals(value, got);
      String before = first.putIfAbsent(value, got);
      if (before != null) {
        assertSame(before, got, value);
      }
    }
  }
}
