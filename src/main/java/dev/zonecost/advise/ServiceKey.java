package dev.zonecost.advise;

import java.util.Comparator;

/**
 * A Service by namespace and name, as a record: label values may hold a {@code /}, so a joined
 * "namespace/name" string cannot be split back safely.
 */
public record ServiceKey(String namespace, String name) implements Comparable<ServiceKey> {
  private static final Comparator<ServiceKey> ORDER =
      Comparator.comparing(ServiceKey::namespace).thenComparing(ServiceKey::name);

  /** From a key of the topology the engine reads ("namespace/name"; a namespace has no '/'). */
  static ServiceKey parse(String joined) {
    int slash = joined.indexOf('/');
    return slash < 0
        ? new ServiceKey(joined, "")
        : new ServiceKey(joined.substring(0, slash), joined.substring(slash + 1));
  }

  /** The topology's key for this Service. */
  String joined() {
    return namespace + "/" + name;
  }

  @Override
  public int compareTo(ServiceKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
