package dev.zonecost.prometheus;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A series' labels as two arrays, in the order the server sent them (Prometheus and VictoriaMetrics
 * sort them by name): what the decoder makes of every series it reads. Immutable; equal to any map
 * with the same entries and hashed as one, the hash computed once. A report handles tens of
 * thousands of series, each named by four answers and looked up many times by its labels: against a
 * linked hash map plus a key string built from it, this is a fraction of the memory, and comparing
 * two of them is a dozen reference checks (label names come from the JSON parser's symbol table and
 * values from one shared copy each, so equal strings are most often the same object).
 */
public final class Labels extends AbstractMap<String, String> {
  private static final String[] NONE = new String[0];
  public static final Labels EMPTY = new Labels(NONE, NONE);

  private final String[] names;
  private final String[] values;
  private final int hash;
  private Set<Map.Entry<String, String>> entries;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    int h = 0;
    for (int i = 0; i < names.length; i++) {
      h += names[i].hashCode() ^ values[i].hashCode();
    }
    this.hash = h;
  }

  /** The labels of {@code map}, in its order; the map itself when it is already one. */
  public static Labels of(Map<String, String> map) {
    if (map instanceof Labels l) {
      return l;
    }
    String[] n = new String[map.size()];
    String[] v = new String[map.size()];
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      n[i] = e.getKey();
      v[i] = e.getValue();
      i++;
    }
    return new Labels(n, v);
  }

  /**
   * The first {@code count} names and values, in their order (copied: the caller may reuse its
   * arrays); a name given twice keeps its first place and its last value, as a map would.
   */
  static Labels of(String[] names, String[] values, int count) {
    boolean sorted = true;
    for (int i = 1; i < count && sorted; i++) {
      sorted = names[i - 1].compareTo(names[i]) < 0;
    }
    if (sorted) {
      // no name twice
      return new Labels(Arrays.copyOf(names, count), Arrays.copyOf(values, count));
    }
    Map<String, String> unique = new java.util.LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      unique.put(names[i], values[i]);
    }
    return of(unique);
  }

  /** These labels in name order: this very object when they already are. */
  public Labels byName() {
    for (int i = 1; i < names.length; i++) {
      if (names[i - 1].compareTo(names[i]) > 0) {
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>(this);
        return of(sorted);
      }
    }
    return this;
  }

  /** These labels less {@code name}; this very object when there is no such label. */
  public Labels without(String name) {
    int at = indexOf(name);
    if (at < 0) {
      return this;
    }
    String[] n = new String[names.length - 1];
    String[] v = new String[names.length - 1];
    System.arraycopy(names, 0, n, 0, at);
    System.arraycopy(values, 0, v, 0, at);
    System.arraycopy(names, at + 1, n, at, n.length - at);
    System.arraycopy(values, at + 1, v, at, v.length - at);
    return new Labels(n, v);
  }

  private int indexOf(Object name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The i-th label's name. */
  public String name(int i) {
    return names[i];
  }

  /** The i-th label's value. */
  public String value(int i) {
    return values[i];
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean isEmpty() {
    return names.length == 0;
  }

  @Override
  public String get(Object name) {
    int at = indexOf(name);
    return at < 0 ? null : values[at];
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    Set<Map.Entry<String, String>> e = entries;
    if (e == null) {
      e = new Entries();
      entries = e;
    }
    return e;
  }

  private final class Entries extends AbstractSet<Map.Entry<String, String>> {
    @Override
    public int size() {
      return names.length;
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < names.length;
        }

        @Override
        public Map.Entry<String, String> next() {
          if (next >= names.length) {
            throw new NoSuchElementException();
          }
          int i = next++;
          return new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
        }
      };
    }
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Labels other)) {
      return super.equals(o);
    }
    if (hash != other.hash || names.length != other.names.length) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      if (!same(names[i], other.names[i])) {
        return super.equals(o); // the same labels in another order, or other labels
      }
      if (!same(values[i], other.values[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(String a, String b) {
    return a == b || a.equals(b);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      s.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
    }
    return s.append('}').toString();
  }
}
