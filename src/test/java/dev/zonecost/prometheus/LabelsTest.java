package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LabelsTest {
  private static Labels of(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Labels.of(m);
  }

  @Test
  void keeps_the_servers_order_and_equals_the_same_labels_in_any_order_or_map() {
    Labels sorted = of("a", "1", "b", "2", "c", "3");
    Labels shuffled = of("c", "3", "a", "1", "b", "2");
    assertEquals(List.of("c", "a", "b"), new ArrayList<>(shuffled.keySet()));
    assertEquals(sorted, shuffled);
    assertEquals(shuffled, sorted);
    assertEquals(sorted.hashCode(), shuffled.hashCode());
    Map<String, String> plain = new HashMap<>(Map.of("a", "1", "b", "2", "c", "3"));
    assertEquals(plain, sorted);
    assertEquals(sorted, plain);
    assertEquals(plain.hashCode(), sorted.hashCode());
    assertFalse(sorted.equals(of("a", "1", "b", "2", "c", "4")));
    assertFalse(sorted.equals(of("a", "1", "b", "2", "d", "3")));
    assertFalse(sorted.equals(of("a", "1", "b", "2")));
    // values that would spell another label set if joined carelessly
    assertFalse(of("a", "1, b=2").equals(of("a", "1", "b", "2")));
  }

  @Test
  void reads_a_label_and_drops_one_without_copying_when_it_is_absent() {
    Labels l = of("__name__", "x", "a", "1");
    assertEquals("1", l.get("a"));
    assertEquals("1", l.get(new String("a")));
    assertNull(l.get("b"));
    assertTrue(l.containsKey("__name__"));
    Labels without = l.without("__name__");
    assertEquals(Map.of("a", "1"), without);
    assertSame(without, without.without("__name__"));
    assertEquals(Map.of(), Labels.EMPTY);
  }

  @Test
  void a_name_sent_twice_keeps_its_first_place_and_last_value_as_a_map_would() {
    String[] names = {"b", "a", "b"};
    String[] values = {"1", "2", "3"};
    Labels l = Labels.of(names, values, 3);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      map.put(names[i], values[i]);
    }
    assertEquals(map, l);
    assertEquals(new ArrayList<>(map.keySet()), new ArrayList<>(l.keySet()));
    // the caller's arrays may be reused: the labels hold copies
    names[0] = "z";
    assertEquals(map, l);
  }

  @Test
  void by_name_sorts_only_when_it_must() {
    Labels sorted = of("a", "1", "b", "2");
    assertSame(sorted, sorted.byName());
    Labels shuffled = of("b", "2", "a", "1");
    assertEquals(List.of("a", "b"), new ArrayList<>(shuffled.byName().keySet()));
    assertEquals(shuffled, shuffled.byName());
  }

  @Test
  void behaves_as_a_linked_hash_map_on_random_label_sets() {
    Random r = new Random(30);
    for (int n = 0; n < 500; n++) {
      Map<String, String> a = new LinkedHashMap<>();
      Map<String, String> b = new TreeMap<>();
      int size = r.nextInt(6);
      for (int i = 0; i < size; i++) {
        String k = "l" + r.nextInt(8);
        String v = "v" + r.nextInt(3);
        a.put(k, v);
        b.put(k, r.nextInt(10) == 0 ? v + "x" : v);
      }
      Labels la = Labels.of(a);
      Labels lb = Labels.of(b);
      assertEquals(a.equals(b), la.equals(lb), a + " vs " + b);
      assertEquals(a.equals(b), lb.equals(la), b + " vs " + a);
      assertEquals(a.hashCode(), la.hashCode());
      assertEquals(a, la);
      assertEquals(a.toString(), la.toString());
    }
  }
}
