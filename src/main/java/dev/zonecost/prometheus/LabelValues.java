package dev.zonecost.prometheus;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each label value across answers: the census, the edge reads and the reads by name
 * name the same series, and most values (namespaces, agents, workloads) repeat across series. A
 * value is looked up from the parser's characters in a table of the decoding thread's own, so a
 * value seen before costs a hash and a comparison, not a new string; a value new to the thread is
 * shared through one table for all threads. Both are cleared when they grow past {@link
 * #MAX_VALUES}, so a long-lived caller's memory stays bounded.
 */
final class LabelValues {
  private LabelValues() {}

  static final int MAX_VALUES = 1 << 20;

  private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

  private static final ThreadLocal<Table> OWN = ThreadLocal.withInitial(Table::new);

  /** The shared copy of {@code value}. */
  static String canonical(String value) {
    if (SHARED.size() > MAX_VALUES) {
      SHARED.clear();
    }
    String known = SHARED.putIfAbsent(value, value);
    return known == null ? value : known;
  }

  /** The shared copy of the value in {@code chars[offset, offset + length)}. */
  static String canonical(char[] chars, int offset, int length) {
    return OWN.get().get(chars, offset, length);
  }

  /** Open addressing on String's own hash (cached in each string), linear probing. */
  private static final class Table {
    private String[] slots = new String[1 << 12];
    private int size;

    String get(char[] chars, int offset, int length) {
      int h = 0;
      for (int i = 0; i < length; i++) {
        h = 31 * h + chars[offset + i];
      }
      int mask = slots.length - 1;
      for (int at = spread(h) & mask; ; at = (at + 1) & mask) {
        String s = slots[at];
        if (s == null) {
          String v = canonical(new String(chars, offset, length));
          add(v, at);
          return v;
        }
        if (s.hashCode() == h && same(s, chars, offset, length)) {
          return s;
        }
      }
    }

    private void add(String v, int at) {
      if (size >= MAX_VALUES) {
        slots = new String[1 << 12];
        size = 0;
        put(v);
        return;
      }
      slots[at] = v;
      if (++size * 2 > slots.length) {
        String[] old = slots;
        slots = new String[old.length * 2];
        size = 0;
        for (String s : old) {
          if (s != null) {
            put(s);
          }
        }
      }
    }

    private void put(String v) {
      int mask = slots.length - 1;
      int at = spread(v.hashCode()) & mask;
      while (slots[at] != null) {
        at = (at + 1) & mask;
      }
      slots[at] = v;
      size++;
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }

    private static boolean same(String s, char[] chars, int offset, int length) {
      if (s.length() != length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (s.charAt(i) != chars[offset + i]) {
          return false;
        }
      }
      return true;
    }
  }
}
